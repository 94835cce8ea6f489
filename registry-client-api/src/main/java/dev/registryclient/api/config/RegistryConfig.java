package dev.registryclient.api.config;

import dev.registryclient.api.ImageReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * <p>For a reference, the rule with the longest matching prefix applies. Its mirrors that serve
 * this kind of pull ({@link PullFromMirror}) come first, in order, then the location (the prefix
 * itself unless relocated); a reference no rule covers has itself as its only source. A blocked
 * rule yields no source at all.
 *
 * @param rules the registry rules, in file order (the order decides nothing but ties)
 */
public record RegistryConfig(List<RegistryRule> rules) {
  private static final RegistryConfig NONE = new RegistryConfig(List.of());

  /** Copies the list. */
  public RegistryConfig {
    rules = List.copyOf(rules);
  }

  /** No rules: every reference is its own only source. */
  public static RegistryConfig none() {
    return NONE;
  }

  /** A configuration of these rules. */
  public static RegistryConfig of(List<RegistryRule> rules) {
    return new RegistryConfig(rules);
  }

  /** The most specific rule covering {@code reference}, if any. */
  public Optional<RegistryRule> ruleFor(ImageReference reference) {
    return rules.stream()
        .filter(r -> r.matchLength(reference) >= 0)
        .max(Comparator.comparingInt(r -> r.matchLength(reference)));
  }

  /** Whether a rule forbids pulling {@code reference}. */
  public boolean blocked(ImageReference reference) {
    return ruleFor(reference).map(RegistryRule::blocked).orElse(false);
  }

  /**
   * The places to try for {@code reference}, in order: the mirrors that serve a pull of this kind
   * (by tag or by digest), then the primary location; empty when blocked.
   */
  public List<Source> sources(ImageReference reference) {
    Optional<RegistryRule> rule = ruleFor(reference);
    if (rule.isEmpty()) {
      return List.of(new Source(reference, false, false));
    }
    RegistryRule r = rule.get();
    if (r.blocked()) {
      return List.of();
    }
    boolean byDigest = reference.digest().isPresent();
    List<Source> sources = new ArrayList<>();
    for (MirrorRule mirror : r.mirrors()) {
      if (mirror.pullFrom().serves(byDigest)) {
        sources.add(new Source(r.atMirror(reference, mirror), true, mirror.insecure()));
      }
    }
    sources.add(new Source(r.primary(reference), false, r.insecure()));
    return List.copyOf(sources);
  }

  /** This configuration's rules followed by {@code more}'s (a drop-in, another source). */
  public RegistryConfig with(RegistryConfig more) {
    List<RegistryRule> all = new ArrayList<>(rules);
    all.addAll(more.rules());
    return new RegistryConfig(all);
  }
}
