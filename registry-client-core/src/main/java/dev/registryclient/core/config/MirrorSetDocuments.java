package dev.registryclient.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.registryclient.api.config.MirrorRule;
import dev.registryclient.api.config.RegistryRule;
import dev.registryclient.api.exception.ConfigurationException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the mirror sets out of OpenShift YAML: every {@code ImageDigestMirrorSet}, {@code
 * ImageTagMirrorSet} and {@code ImageContentSourcePolicy} entry, in the documents of a file and the
 * items of {@code List} documents, checked one by one. Other kinds are skipped.
 */
final class MirrorSetDocuments {
  private static final Logger LOG = LoggerFactory.getLogger(MirrorSetDocuments.class);
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private MirrorSetDocuments() {}

  /** One source's mirror list from one set, and where it was written. */
  record MirrorSet(
      String source, List<String> mirrors, boolean digests, boolean neverContactSource, Place at) {
    /** Whether it names a mirror other than the source; OpenShift ignores the others. */
    boolean real() {
      return !mirrors.stream().allMatch(source::equals);
    }
  }

  /** The mirror sets of one YAML text, in document order. */
  static List<MirrorSet> read(String yaml, String origin) {
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

  /** Where something is: file, document and entry, and the document's line. */
  record Place(String origin, String label, OptionalInt line) {
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
}
