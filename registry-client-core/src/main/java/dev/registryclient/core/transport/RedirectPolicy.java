package dev.registryclient.core.transport;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Limits on following redirects: at most {@link #maxHops()} hops, and no step from {@code https}
 * down to plain {@code http} unless the target host is listed in {@link #plainHttpTargets()}
 * ({@code host} or {@code host:port}).
 *
 * <pre>{@code
 * new RedirectPolicy(10, Set.of("mirror.internal:8080"))
 * }</pre>
 *
 * @param maxHops the most redirects one request may follow (1 to 50)
 * @param plainHttpTargets hosts an https URL may redirect to over plain http, lower case
 */
public record RedirectPolicy(int maxHops, Set<String> plainHttpTargets) {

  /**
   * Validates and copies.
   *
   * @param maxHops the most redirects one request may follow (1 to 50)
   * @param plainHttpTargets hosts an https URL may redirect to over plain http, any case
   * @throws IllegalArgumentException if {@code maxHops} is not 1 to 50
   */
  public RedirectPolicy {
    if (maxHops < 1 || maxHops > 50) {
      throw new IllegalArgumentException("maxHops must be 1 to 50: " + maxHops);
    }
    plainHttpTargets =
        plainHttpTargets.stream()
            .map(h -> h.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * 10 hops, no downgrade to http.
   *
   * @return the default policy
   */
  public static RedirectPolicy defaults() {
    return new RedirectPolicy(10, Set.of());
  }

  /**
   * Whether a redirect from {@code from} to {@code to} is allowed by the scheme rule.
   *
   * @param from the origin of the redirecting URL
   * @param to the origin of the redirect target
   * @return whether the redirect is not a downgrade from https to http, or its target is listed
   */
  public boolean allows(Origin from, Origin to) {
    return from.isPlainHttp()
        || !to.isPlainHttp()
        || plainHttpTargets.contains(to.host())
        || plainHttpTargets.contains(to.hostAndPort());
  }
}
