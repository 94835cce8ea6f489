package dev.registryclient.api.config;

import dev.registryclient.api.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where images really come from: registry rules with mirrors and relocations, as {@code
 * containers-registries.conf(5)} describes them (and Docker's {@code registry-mirrors} and
 * OpenShift's mirror sets, turned into the same rules). Immutable.
 *
 * <pre>{@code
 * RegistryConfig config = RegistryConfig.of(List.of(
 *     RegistryRule.mirrored("registry.redhat.io",
 *         new MirrorRule("mirror.internal:5000/redhat", false, PullFromMirror.DIGEST_ONLY))));
 * config.sources(ImageReference.parse("registry.redhat.io/ubi9/ubi@sha256:..."));
 * // [mirror mirror.internal:5000/redhat/ubi9/ubi@sha256:..., registry.redhat.io/ubi9/ubi@sha256:...]
 * RegistryClient.builder().registryConfig(config).build();
 * }</pre>
 *
 * <p>For a reference, the rule with the longest matching prefix applies (of two rules with the same
 * prefix, the first). Its mirrors that serve this kind of pull ({@link PullFromMirror}) come first,
 * in order, then the location (the prefix itself unless relocated); a reference no rule covers has
 * itself as its only source. A blocked rule's location is left out, its mirrors are not; and any
 * source that a blocked rule covers is left out too (containers/image checks every place it
 * contacts against the rules; it would still contact the location of a relocated blocked rule,
 * which this model does not).
 *
 * @param rules the registry rules
 */
public record RegistryConfig(List<RegistryRule> rules) {
  private static final RegistryConfig NONE = new RegistryConfig(List.of());

  /**
   * Copies the list.
   *
   * @param rules the registry rules
   */
  public RegistryConfig {
    rules = List.copyOf(rules);
  }

  /**
   * No rules: every reference is its own only source.
   *
   * @return the empty configuration
   */
  public static RegistryConfig none() {
    return NONE;
  }

  /**
   * A configuration of these rules.
   *
   * @param rules the registry rules, in order (copied)
   * @return a configuration of {@code rules}
   */
  public static RegistryConfig of(List<RegistryRule> rules) {
    return new RegistryConfig(rules);
  }

  /**
   * The most specific rule covering {@code reference}, if any; the first of equals.
   *
   * @param reference the image reference to look up
   * @return the rule with the longest matching prefix, or empty if no rule covers {@code reference}
   */
  public Optional<RegistryRule> ruleFor(ImageReference reference) {
    RegistryRule best = null;
    int bestLength = -1;
    for (RegistryRule rule : rules) {
      int length = rule.matchLength(reference);
      if (length > bestLength) {
        best = rule;
        bestLength = length;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Whether {@code reference}'s own location must not be contacted (its rule is blocked). Mirrors
   * may still serve it: {@link #sources} says what may be tried.
   *
   * @param reference the image reference to look up
   * @return {@code true} if the rule covering {@code reference} is blocked; {@code false} if none
   *     covers it
   */
  public boolean blocked(ImageReference reference) {
    return ruleFor(reference).map(RegistryRule::blocked).orElse(false);
  }

  /**
   * The places to try for {@code reference}, in order: the mirrors that serve a pull of this kind
   * (by tag or by digest), then the primary location, leaving out every place a blocked rule
   * covers. Empty when nothing may be contacted.
   *
   * @param reference the image reference asked for
   * @return the sources in the order to try them; possibly empty
   * @throws IllegalArgumentException if a rule rewrites {@code reference} into something that is
   *     not a reference (a location ending in a tag, say, with a reference that has one too)
   */
  public List<Source> sources(ImageReference reference) {
    Optional<RegistryRule> rule = ruleFor(reference);
    List<Source> candidates = new ArrayList<>();
    if (rule.isEmpty()) {
      candidates.add(new Source(reference, false, false));
    } else {
      RegistryRule r = rule.get();
      boolean byDigest = reference.digest().isPresent();
      for (MirrorRule mirror : r.mirrors()) {
        if (mirror.pullFrom().serves(byDigest)) {
          candidates.add(new Source(r.atMirror(reference, mirror), true, mirror.insecure()));
        }
      }
      if (!r.blocked()) {
        candidates.add(new Source(r.primary(reference), false, r.insecure()));
      }
    }
    return candidates.stream().filter(s -> !blocked(s.reference())).toList();
  }

  /**
   * The mirrors of {@code reference}'s rule that a pull of this kind does not use: mirrors for
   * pulls by digest only when {@code reference} names a tag, mirrors for pulls by tag only when it
   * names a digest. They are never contacted; errors name them, so that a pull by tag that fails at
   * the registry says a digest-only mirror was configured.
   *
   * @param reference the image reference asked for
   * @return the mirrors not used, as sources; empty when no rule covers {@code reference}
   */
  public List<Source> skippedMirrors(ImageReference reference) {
    Optional<RegistryRule> rule = ruleFor(reference);
    if (rule.isEmpty()) {
      return List.of();
    }
    RegistryRule r = rule.get();
    boolean byDigest = reference.digest().isPresent();
    return r.mirrors().stream()
        .filter(mirror -> !mirror.pullFrom().serves(byDigest))
        .map(mirror -> new Source(r.atMirror(reference, mirror), true, mirror.insecure()))
        .filter(s -> !blocked(s.reference()))
        .toList();
  }

  /**
   * This configuration with {@code later}'s rules merged in, as a {@code registries.conf.d} drop-in
   * merges: a rule of {@code later} replaces this configuration's rule with the same prefix, the
   * others are added. Within each side, the first of several rules with one prefix counts.
   *
   * @param later the configuration whose rules take precedence, e.g. a drop-in read later
   * @return a new configuration with the merged rules
   */
  public RegistryConfig with(RegistryConfig later) {
    Map<String, RegistryRule> byPrefix = new LinkedHashMap<>();
    for (RegistryRule rule : rules) {
      byPrefix.putIfAbsent(rule.prefix(), rule);
    }
    Map<String, RegistryRule> theirs = new LinkedHashMap<>();
    for (RegistryRule rule : later.rules()) {
      theirs.putIfAbsent(rule.prefix(), rule);
    }
    byPrefix.putAll(theirs);
    return new RegistryConfig(new ArrayList<>(byPrefix.values()));
  }
}
