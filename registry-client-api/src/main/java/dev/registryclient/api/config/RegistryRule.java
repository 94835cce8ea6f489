package dev.registryclient.api.config;

import dev.registryclient.api.ImageReference;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code [[registry]]} entry of {@code containers-registries.conf(5)}: the references it covers
 * ({@link #prefix()}), where they really are ({@link #location()}), whether they may be pulled at
 * all, and the mirrors to try first.
 *
 * <pre>{@code
 * RegistryRule rule = new RegistryRule("registry.redhat.io/ubi9", Optional.empty(), false, false,
 *     List.of(new MirrorRule("mirror.internal:5000/ubi9", false, PullFromMirror.DIGEST_ONLY)));
 * rule.matches(ImageReference.parse("registry.redhat.io/ubi9/ubi:9.4"));   // true
 * }</pre>
 *
 * <p>A prefix is {@code host[:port]}, {@code host[:port]/namespace...}, a full repository with
 * {@code :tag} or {@code @digest}, or {@code *.domain}. It matches whole path components only:
 * {@code example.com/foo} covers {@code example.com/foo/bar} and {@code example.com/foo:1}, not
 * {@code example.com/foobar}; {@code *.example.com} covers every host under that domain.
 *
 * @param prefix the references this rule covers
 * @param location where they are, replacing the prefix; empty means the prefix itself (and must be
 *     empty for a wildcard prefix)
 * @param insecure plain http or unverified TLS allowed for the location's host
 * @param blocked pulls of matching references are refused (mirrors included)
 * @param mirrors tried in order before the location
 */
public record RegistryRule(
    String prefix,
    Optional<String> location,
    boolean insecure,
    boolean blocked,
    List<MirrorRule> mirrors) {

  /** Validates: a non-empty prefix, no location with a wildcard prefix. */
  public RegistryRule {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(location, "location");
    mirrors = List.copyOf(mirrors);
    prefix = prefix.strip();
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException("a registry rule needs a prefix");
    }
    if (isWildcard(prefix) && location.filter(l -> !l.isBlank()).isPresent()) {
      throw new IllegalArgumentException(
          "prefix " + prefix + " is a wildcard: it takes no location, got " + location.get());
    }
    if (isWildcard(prefix) && (prefix.length() < 3 || prefix.substring(2).contains("*"))) {
      throw new IllegalArgumentException("a wildcard prefix is *.domain, got " + prefix);
    }
  }

  /** A rule for {@code prefix} with mirrors and no relocation. */
  public static RegistryRule mirrored(String prefix, MirrorRule... mirrors) {
    return new RegistryRule(prefix, Optional.empty(), false, false, List.of(mirrors));
  }

  /** Whether {@link #prefix()} is {@code *.domain}. */
  public boolean wildcard() {
    return isWildcard(prefix);
  }

  private static boolean isWildcard(String p) {
    return p.startsWith("*.");
  }

  /** Whether this rule covers {@code reference}. */
  public boolean matches(ImageReference reference) {
    return matchedPrefix(reference).isPresent();
  }

  /**
   * The part of {@code reference} (in its {@code registry/repository[:tag|@digest]} form) this rule
   * covers: the prefix itself, or for a wildcard the reference's registry; empty if it does not
   * match.
   */
  Optional<String> matchedPrefix(ImageReference reference) {
    String name = name(reference);
    if (wildcard()) {
      String registry = reference.registry();
      String host = hostOf(registry).toLowerCase(Locale.ROOT);
      String domain = prefix.substring(1).toLowerCase(Locale.ROOT); // ".example.com"
      return host.endsWith(domain) ? Optional.of(registry) : Optional.empty();
    }
    if (name.equals(prefix)) {
      return Optional.of(prefix);
    }
    if (name.startsWith(prefix)) {
      char next = name.charAt(prefix.length());
      if (next == '/' || next == ':' || next == '@') {
        return Optional.of(prefix);
      }
    }
    return Optional.empty();
  }

  /** How long a match is, to pick the most specific rule; -1 if none. */
  int matchLength(ImageReference reference) {
    return matchedPrefix(reference)
        .map(p -> wildcard() ? prefix.length() - 2 : p.length())
        .orElse(-1);
  }

  /** The primary source of {@code reference}: the location that replaces the prefix. */
  ImageReference primary(ImageReference reference) {
    return rewrite(reference, location.filter(l -> !l.isBlank()));
  }

  /** {@code reference} at {@code mirror}: the mirror's location replaces the prefix. */
  ImageReference atMirror(ImageReference reference, MirrorRule mirror) {
    return rewrite(reference, Optional.of(mirror.location()));
  }

  private ImageReference rewrite(ImageReference reference, Optional<String> replacement) {
    if (replacement.isEmpty()) {
      return reference;
    }
    String matched = matchedPrefix(reference).orElseThrow();
    String name = name(reference);
    return ImageReference.parse(replacement.get() + name.substring(matched.length()));
  }

  /** {@code registry/repository} with {@code :tag} and/or {@code @digest}, as in the man page. */
  static String name(ImageReference reference) {
    StringBuilder s =
        new StringBuilder(reference.registry()).append('/').append(reference.repository());
    reference.tag().ifPresent(t -> s.append(':').append(t));
    reference.digest().ifPresent(d -> s.append('@').append(d));
    return s.toString();
  }

  private static String hostOf(String registry) {
    if (registry.startsWith("[")) {
      int end = registry.indexOf(']');
      return end > 0 ? registry.substring(1, end) : registry;
    }
    int colon = registry.indexOf(':');
    return colon < 0 ? registry : registry.substring(0, colon);
  }
}
