package dev.registryclient.core.transport;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which scheme a registry is spoken to with: plain http for loopback hosts ({@code localhost},
 * 127.0.0.0/8, {@code ::1}), as Docker does, and for hosts the user lists ({@code host} or {@code
 * host:port}); https for everything else.
 *
 * <pre>{@code
 * SchemePolicy schemes = SchemePolicy.of(Set.of("registry.lab:5000"));
 * schemes.originOf("registry.lab:5000"); // http://registry.lab:5000
 * schemes.originOf("localhost:5000");    // http://localhost:5000
 * schemes.originOf("ghcr.io");           // https://ghcr.io
 * TransportBuilder.create().schemePolicy(schemes); // credentials may go to the listed hosts
 * }</pre>
 *
 * @param plainHttpHosts the non-loopback hosts served over plain http, lower case
 */
public record SchemePolicy(Set<String> plainHttpHosts) {

  /**
   * Copies and lower-cases the hosts.
   *
   * @param plainHttpHosts the non-loopback hosts served over plain http, {@code host} or {@code
   *     host:port}, any case
   */
  public SchemePolicy {
    plainHttpHosts =
        plainHttpHosts.stream()
            .map(h -> h.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Plain http for these hosts (and loopback).
   *
   * @param plainHttpHosts the non-loopback hosts served over plain http, {@code host} or {@code
   *     host:port}, any case
   * @return the policy
   */
  public static SchemePolicy of(Set<String> plainHttpHosts) {
    return new SchemePolicy(plainHttpHosts);
  }

  /**
   * Plain http for loopback hosts only.
   *
   * @return the policy
   */
  public static SchemePolicy loopbackOnly() {
    return new SchemePolicy(Set.of());
  }

  /**
   * The origin to use for a registry named {@code host} or {@code host:port} in an image reference.
   *
   * @param registry the registry as a reference names it, {@code host} or {@code host:port}
   * @return its {@code http} or {@code https} origin
   * @throws IllegalArgumentException if it is not a valid host[:port]
   */
  public Origin originOf(String registry) {
    Origin https = Origin.of(URI.create("https://" + registry));
    boolean plain =
        https.isLoopback()
            || plainHttpHosts.contains(registry.toLowerCase(Locale.ROOT))
            || plainHttpHosts.contains(https.host());
    if (!plain) {
      return https;
    }
    return Origin.of(URI.create("http://" + registry));
  }
}
