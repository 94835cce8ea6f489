package dev.registryclient.api.config;

import dev.registryclient.api.ImageReference;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code [[registry]]} entry of {@code containers-registries.conf(5)}: the references it covers
 * ({@link #prefix()}), where they really are ({@link #location()}), whether that location may be
 * contacted, and the mirrors to try first.
 *
 * <pre>{@code
 * RegistryRule rule = new RegistryRule("registry.redhat.io/ubi9", Optional.empty(), false, false,
 *     List.of(new MirrorRule("mirror.internal:5000/ubi9", false, PullFromMirror.DIGEST_ONLY)));
 * rule.matches(ImageReference.parse("registry.redhat.io/ubi9/ubi:9.4"));   // true
 * }</pre>
 *
 * <p>A prefix is {@code host[:port]}, {@code host[:port]/namespace...}, a full repository with
 * {@code :tag} or {@code @digest}, or {@code *.domain}. It is matched against the reference's
 * canonical form ({@code docker.io/library/alpine:3}, never {@code alpine:3}) and covers whole
 * components only: {@code example.com/foo} covers {@code example.com/foo/bar}, {@code
 * example.com/foo:1} and {@code example.com/foo@sha256:...}, not {@code example.com/foobar}; a bare
 * host covers that host only, so {@code example.com} does not cover {@code example.com:5000/app}
 * (containers/image still matches that, a behaviour its source calls unintended and not to be
 * relied on). {@code *.example.com} covers every host under that domain, on any port, but not
 * {@code example.com} itself.
 *
 * <p>Rewriting replaces the matched part by the location or a mirror's location, as
 * containers/image does: for a wildcard the matched part is the host without its port, so with
 * {@code *.example.com} and location {@code mirror.local}, {@code a.example.com:5000/app} becomes
 * {@code mirror.local:5000/app}.
 *
 * @param prefix the references this rule covers
 * @param location where they are, replacing the prefix; empty means the prefix itself (for a
 *     wildcard prefix: each reference as it is)
 * @param insecure plain http or unverified TLS allowed for the location's host
 * @param blocked the location must never be contacted. Mirrors still are: this is how a mirror-only
 *     namespace is written (OpenShift's {@code mirrorSourcePolicy: NeverContactSource} becomes
 *     {@code blocked = true} in registries.conf). Without mirrors nothing covered can be pulled.
 * @param mirrors tried in order before the location
 */
public record RegistryRule(
    String prefix,
    Optional<String> location,
    boolean insecure,
    boolean blocked,
    List<MirrorRule> mirrors) {

  /**
   * Validates: a non-empty prefix, a {@code *} only as a wildcard {@code *.domain}, and a location
   * that starts with a registry host. Surrounding blanks and trailing {@code /} are dropped (as
   * containers/image does); a blank location, or one equal to the prefix, becomes empty.
   *
   * @param prefix the references this rule covers
   * @param location where they are, replacing the prefix; empty means the prefix itself (for a
   *     wildcard prefix: each reference as it is)
   * @param insecure plain http or unverified TLS allowed for the location's host
   * @param blocked the location must never be contacted. Mirrors still are: this is how a
   *     mirror-only namespace is written (OpenShift's {@code mirrorSourcePolicy:
   *     NeverContactSource} becomes {@code blocked = true} in registries.conf). Without mirrors
   *     nothing covered can be pulled.
   * @param mirrors tried in order before the location
   * @throws IllegalArgumentException naming the bad value and the rule it breaks
   */
  public RegistryRule {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(location, "location");
    mirrors = List.copyOf(mirrors);
    prefix = Locations.trim(prefix);
    location = location.map(Locations::trim).filter(l -> !l.isEmpty());
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException("a registry rule needs a prefix");
    }
    if (prefix.indexOf('*') >= 0) {
      // A '*' anywhere else can never match a reference: containers/image keeps such a rule,
      // silently dead; a typo in a wildcard should not quietly disable a block or a mirror.
      String domain = isWildcard(prefix) ? prefix.substring(2) : "*";
      if (domain.isEmpty() || domain.startsWith(".") || domain.matches(".*[*/@:].*")) {
        throw new IllegalArgumentException(
            "a wildcard prefix is *.domain, without port, path, tag or another *: got " + prefix);
      }
    }
    location.ifPresent(l -> Locations.requireRegistryHost(l, "location"));
    if (location.filter(prefix::equals).isPresent()) {
      location = Optional.empty(); // the prefix itself, said twice
    }
  }

  /**
   * A rule for {@code prefix} with mirrors and no relocation.
   *
   * @param prefix the references the rule covers
   * @param mirrors the mirrors, tried in order
   * @return a rule that is neither relocated, insecure nor blocked
   * @throws IllegalArgumentException if the prefix or a mirror's location is invalid
   */
  public static RegistryRule mirrored(String prefix, MirrorRule... mirrors) {
    return new RegistryRule(prefix, Optional.empty(), false, false, List.of(mirrors));
  }

  /**
   * Whether {@link #prefix()} is {@code *.domain}.
   *
   * @return {@code true} for a {@code *.domain} prefix
   */
  public boolean wildcard() {
    return isWildcard(prefix);
  }

  private static boolean isWildcard(String p) {
    return p.startsWith("*.");
  }

  /**
   * Whether this rule covers {@code reference}.
   *
   * @param reference the image reference, matched in canonical form
   * @return {@code true} if the prefix (or wildcard) covers it
   */
  public boolean matches(ImageReference reference) {
    return matchEnd(reference) >= 0;
  }

  /**
   * How much of {@code reference}'s canonical form this rule covers: the prefix, or for a wildcard
   * the host (without port); -1 if it does not match.
   */
  int matchEnd(ImageReference reference) {
    return wildcard() ? wildcardMatchEnd(reference) : prefixMatchEnd(reference.toString());
  }

  private int prefixMatchEnd(String name) {
    if (!name.startsWith(prefix)) {
      return -1;
    }
    if (name.length() == prefix.length()) {
      return prefix.length();
    }
    char next = name.charAt(prefix.length());
    // After a bare host only the repository may follow: ':' there would start a port, that is
    // another registry.
    boolean hostOnly = prefix.indexOf('/') < 0;
    return next == '/' || (!hostOnly && (next == ':' || next == '@')) ? prefix.length() : -1;
  }

  private int wildcardMatchEnd(ImageReference reference) {
    String registry = reference.registry();
    if (registry.startsWith("[")) {
      return -1; // an IP address has no domain
    }
    int colon = registry.indexOf(':');
    String host = colon < 0 ? registry : registry.substring(0, colon);
    String domain = prefix.substring(1); // ".example.com"
    boolean under =
        host.length() > domain.length()
            && host.toLowerCase(Locale.ROOT).endsWith(domain.toLowerCase(Locale.ROOT));
    return under ? host.length() : -1;
  }

  /**
   * How specific a match is, to pick the rule for a reference; -1 if none. A wildcard counts its
   * domain only, so a rule naming a host always beats a wildcard covering it.
   */
  int matchLength(ImageReference reference) {
    if (!matches(reference)) {
      return -1;
    }
    return wildcard() ? prefix.length() - 2 : prefix.length();
  }

  /** The primary source of {@code reference}: the location replacing the matched part. */
  ImageReference primary(ImageReference reference) {
    return location.map(l -> rewrite(reference, l)).orElse(reference);
  }

  /** {@code reference} at {@code mirror}: the mirror's location replaces the matched part. */
  ImageReference atMirror(ImageReference reference, MirrorRule mirror) {
    return rewrite(reference, mirror.location());
  }

  private ImageReference rewrite(ImageReference reference, String replacement) {
    int end = matchEnd(reference);
    if (end < 0) {
      throw new IllegalArgumentException("rule " + prefix + " does not cover " + reference);
    }
    String rewritten = replacement + reference.toString().substring(end);
    try {
      return ImageReference.parse(rewritten);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "rule "
              + prefix
              + " rewrites "
              + reference
              + " to "
              + rewritten
              + ", which is not a valid reference: "
              + e.getMessage(),
          e);
    }
  }
}
