package dev.registryclient.api.config;

import java.util.Objects;

/**
 * A mirror of a registry or namespace ({@code [[registry.mirror]]}).
 *
 * <pre>{@code
 * new MirrorRule("mirror.internal:5000/redhat", false, PullFromMirror.DIGEST_ONLY)
 * }</pre>
 *
 * @param location where the mirror holds what the rule's prefix names: {@code host[:port]} and an
 *     optional namespace, which replaces the prefix in a reference (surrounding blanks and trailing
 *     {@code /} are dropped)
 * @param insecure plain http or unverified TLS allowed for this mirror's host
 * @param pullFrom which pulls it serves
 */
public record MirrorRule(String location, boolean insecure, PullFromMirror pullFrom) {
  /**
   * Checks for nulls and for a location that starts with a registry host.
   *
   * @param location where the mirror holds what the rule's prefix names: {@code host[:port]} and an
   *     optional namespace, which replaces the prefix in a reference (surrounding blanks and
   *     trailing {@code /} are dropped)
   * @param insecure plain http or unverified TLS allowed for this mirror's host
   * @param pullFrom which pulls it serves
   * @throws IllegalArgumentException if the location is empty, has a URL scheme or does not start
   *     with {@code host[:port]}
   */
  public MirrorRule {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(pullFrom, "pullFrom");
    location = Locations.trim(location);
    if (location.isEmpty()) {
      throw new IllegalArgumentException("a mirror needs a location");
    }
    Locations.requireRegistryHost(location, "mirror location");
  }

  /**
   * A mirror for every pull, verified TLS.
   *
   * @param location the mirror's {@code host[:port]} and optional namespace
   * @return a rule with {@code insecure = false} and {@link PullFromMirror#ALL}
   * @throws IllegalArgumentException if the location is empty, has a URL scheme or does not start
   *     with {@code host[:port]}
   */
  public static MirrorRule of(String location) {
    return new MirrorRule(location, false, PullFromMirror.ALL);
  }
}
