package dev.registryclient.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.registryclient.api.config.MirrorRule;
import dev.registryclient.api.config.PullFromMirror;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.config.RegistryRule;
import dev.registryclient.api.exception.ConfigurationException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenShift's mirror configuration as a {@link RegistryConfig}, the way the Machine Config Operator
 * writes it into each node's {@code registries.conf}: {@code ImageDigestMirrorSet} and {@code
 * ImageContentSourcePolicy} mirrors serve pulls by digest only, {@code ImageTagMirrorSet} mirrors
 * pulls by tag only, and {@code mirrorSourcePolicy: NeverContactSource} makes the source blocked
 * (only its mirrors are contacted).
 *
 * <pre>{@code
 * // the files oc-mirror writes, e.g. idms-oc-mirror.yaml and itms-oc-mirror.yaml
 * RegistryConfig mirrors = OpenShiftMirrorSets.read(List.of(idms, itms));
 * RegistryConfig config = RegistriesConf.load().with(mirrors);
 * }</pre>
 *
 * <p>A file may hold several YAML documents ({@code ---}) and {@code List} documents with {@code
 * items}; other kinds are skipped. Sets for the same source, across all files, are merged into one
 * rule with the mirrors in an order that keeps each set's order ({@link MirrorOrder}); a set whose
 * only mirror is its source is ignored, as OpenShift ignores it. As the Machine Config Operator,
 * this refuses two different {@code mirrorSourcePolicy} values for one source, and {@code
 * NeverContactSource} for a source that is one of its own mirrors. Errors name the file and the
 * line of the document.
 */
public final class OpenShiftMirrorSets {
  private static final Logger LOG = LoggerFactory.getLogger(OpenShiftMirrorSets.class);
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private OpenShiftMirrorSets() {}

  /** One source's mirror list from one set, and where it was written. */
  private record MirrorSet(
      String source, List<String> mirrors, boolean digests, boolean neverContactSource, Place at) {
    /** Whether it names a mirror other than the source; OpenShift ignores the others. */
    boolean real() {
      return !mirrors.stream().allMatch(source::equals);
    }
  }

  /**
   * The mirror sets of these files, merged.
   *
   * @throws ConfigurationException naming the file and line of a document that is not valid YAML or
   *     not a valid mirror set, or a file that is missing or over 1 MiB
   */
  public static RegistryConfig read(List<Path> files) {
    List<MirrorSet> sets = new ArrayList<>();
    for (Path file : files) {
      sets.addAll(sets(ConfigFile.read(file), file.toString()));
    }
    return rules(sets);
  }

  /**
   * The mirror sets of one YAML text.
   *
   * @param origin what to call it in error messages
   */
  public static RegistryConfig parse(String yaml, String origin) {
    if (yaml.length() > ConfigFile.MAX_SIZE) {
      throw ConfigFile.error(origin, "larger than 1 MiB, not a configuration file");
    }
    return rules(sets(yaml, origin));
  }

  private static List<MirrorSet> sets(String yaml, String origin) {
    List<MirrorSet> sets = new ArrayList<>();
    try (JsonParser parser = YAML.createParser(yaml);
        MappingIterator<JsonNode> documents = YAML.readValues(parser, JsonNode.class)) {
      int number = 0;
      while (documents.hasNextValue()) {
        number++;
        int line = parser.currentTokenLocation().getLineNr();
        JsonNode document = documents.nextValue();
        Place place = new Place(origin, "document " + number, OptionalInt.of(line));
        document(document, place, sets);
      }
    } catch (JacksonException e) {
      throw ConfigFile.syntax(origin, "YAML", e);
    } catch (IOException e) {
      throw new ConfigurationException(origin, OptionalInt.empty(), "cannot be read: " + e, e);
    }
    return sets;
  }

  private record Place(String origin, String label, OptionalInt line) {
    ConfigurationException error(String detail) {
      return ConfigFile.error(origin, line, label + ": " + detail);
    }

    Place in(String more) {
      return new Place(origin, label + ", " + more, line);
    }
  }

  private static void document(JsonNode document, Place place, List<MirrorSet> sets) {
    if (document == null || document.isNull() || document.isMissingNode()) {
      return; // an empty document between two ---
    }
    String kind = document.path("kind").asText("");
    String name = document.path("metadata").path("name").asText("");
    Place here = place.in(kind + (name.isEmpty() ? "" : " " + name));
    switch (kind) {
      case "ImageDigestMirrorSet" -> entries(document, "imageDigestMirrors", true, here, sets);
      case "ImageTagMirrorSet" -> entries(document, "imageTagMirrors", false, here, sets);
      case "ImageContentSourcePolicy" ->
          entries(document, "repositoryDigestMirrors", true, here, sets);
      default -> {
        if (kind.endsWith("List") && document.path("items").isArray()) {
          for (JsonNode item : document.path("items")) {
            document(item, place.in(kind + " item"), sets);
          }
        } else {
          LOG.debug(
              "{}: {}: skipping a document of kind \"{}\"", place.origin(), place.label(), kind);
        }
      }
    }
  }

  private static void entries(
      JsonNode document, String field, boolean digests, Place place, List<MirrorSet> sets) {
    JsonNode list = document.path("spec").path(field);
    if (list.isMissingNode() || list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      throw place.error("spec." + field + " must be a list");
    }
    for (int i = 0; i < list.size(); i++) {
      Place at = place.in("spec." + field + "[" + i + "]");
      JsonNode entry = list.get(i);
      String source = text(entry.path("source"), "source", at).orElse("");
      if (source.isBlank()) {
        throw at.error("source is missing");
      }
      List<String> mirrors = new ArrayList<>();
      JsonNode mirrorList = entry.path("mirrors");
      if (!mirrorList.isMissingNode() && !mirrorList.isNull() && !mirrorList.isArray()) {
        throw at.error("mirrors must be a list");
      }
      for (JsonNode mirror : mirrorList) {
        mirrors.add(text(mirror, "mirrors", at).orElse("").strip());
      }
      String policy = text(entry.path("mirrorSourcePolicy"), "mirrorSourcePolicy", at).orElse("");
      if (!policy.isEmpty()
          && !policy.equals("NeverContactSource")
          && !policy.equals("AllowContactingSource")) {
        throw at.error(
            "mirrorSourcePolicy \""
                + policy
                + "\" is not NeverContactSource or AllowContactingSource");
      }
      source = source.strip();
      validate(source, mirrors, at);
      sets.add(new MirrorSet(source, mirrors, digests, policy.equals("NeverContactSource"), at));
    }
  }

  private static Optional<String> text(JsonNode value, String what, Place at) {
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw at.error(what + " must be a string");
    }
    return Optional.of(value.textValue());
  }

  /** Catches a bad source or mirror here, where the document's line is known. */
  private static void validate(String source, List<String> mirrors, Place at) {
    try {
      new RegistryRule(source, Optional.empty(), false, false, List.of());
      for (String mirror : mirrors) {
        MirrorRule.of(mirror);
      }
    } catch (IllegalArgumentException e) {
      throw at.error(e.getMessage());
    }
  }

  /**
   * The Machine Config Operator's checks across all sets: one policy per source (unset means
   * AllowContactingSource), and NeverContactSource only if the source is not one of its mirrors.
   */
  private static void checkPolicies(List<MirrorSet> sets) {
    Map<String, MirrorSet> first = new HashMap<>();
    for (MirrorSet set : sets) {
      if (set.neverContactSource() && set.mirrors().contains(set.source())) {
        throw set.at()
            .error(
                "mirrorSourcePolicy NeverContactSource, but the source "
                    + set.source()
                    + " is one of its mirrors");
      }
      MirrorSet other = first.putIfAbsent(set.source(), set);
      if (other != null && other.neverContactSource() != set.neverContactSource()) {
        throw set.at()
            .error(
                "another mirrorSourcePolicy for "
                    + set.source()
                    + " than in "
                    + other.at().origin()
                    + " "
                    + other.at().label()
                    + "; OpenShift refuses to apply either");
      }
    }
  }

  /** One rule per source: digest mirrors, then tag mirrors; blocked if its sets say so. */
  private static RegistryConfig rules(List<MirrorSet> sets) {
    checkPolicies(sets);
    Map<String, List<MirrorSet>> bySource = new TreeMap<>();
    for (MirrorSet set : sets) {
      if (set.real()) {
        bySource.computeIfAbsent(set.source(), s -> new ArrayList<>()).add(set);
      }
    }
    List<RegistryRule> rules = new ArrayList<>();
    bySource.forEach(
        (source, forSource) -> {
          List<MirrorRule> mirrors = new ArrayList<>();
          mirrors.addAll(mirrors(source, forSource, true, PullFromMirror.DIGEST_ONLY));
          mirrors.addAll(mirrors(source, forSource, false, PullFromMirror.TAG_ONLY));
          boolean never = forSource.stream().anyMatch(MirrorSet::neverContactSource);
          rules.add(new RegistryRule(source, Optional.empty(), false, never, mirrors));
        });
    return RegistryConfig.of(rules);
  }

  private static List<MirrorRule> mirrors(
      String source, List<MirrorSet> sets, boolean digests, PullFromMirror pullFrom) {
    List<List<String>> lists =
        sets.stream().filter(s -> s.digests() == digests).map(MirrorSet::mirrors).toList();
    if (lists.isEmpty()) {
      return List.of();
    }
    return MirrorOrder.merge(source, lists).stream()
        .map(location -> new MirrorRule(location, false, pullFrom))
        .toList();
  }
}
