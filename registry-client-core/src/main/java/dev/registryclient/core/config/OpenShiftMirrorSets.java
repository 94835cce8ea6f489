package dev.registryclient.core.config;

import dev.registryclient.api.config.MirrorRule;
import dev.registryclient.api.config.PullFromMirror;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.config.RegistryRule;
import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.core.config.MirrorSetDocuments.MirrorSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

  private OpenShiftMirrorSets() {}

  /**
   * The mirror sets of these files, merged.
   *
   * @param files the YAML files, each of one or more documents
   * @return the mirror rules of every set
   * @throws ConfigurationException naming the file and line of a document that is not valid YAML or
   *     not a valid mirror set, or a file that is missing or over 1 MiB
   */
  public static RegistryConfig read(List<Path> files) {
    List<MirrorSet> sets = new ArrayList<>();
    for (Path file : files) {
      sets.addAll(MirrorSetDocuments.read(ConfigFile.read(file), file.toString()));
    }
    return rules(sets);
  }

  /**
   * The mirror sets of one YAML text.
   *
   * @param origin what to call it in error messages
   * @param yaml the YAML text, of one or more documents
   * @return the mirror rules of its sets
   * @throws ConfigurationException if the text is over 1 MiB or not valid mirror sets
   */
  public static RegistryConfig parse(String yaml, String origin) {
    if (yaml.length() > ConfigFile.MAX_SIZE) {
      throw ConfigFile.error(origin, "larger than 1 MiB, not a configuration file");
    }
    return rules(MirrorSetDocuments.read(yaml, origin));
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
