package dev.registryclient.api.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to talk to one registry (or, as the client's defaults, to every registry): plain http or
 * https, TLS verification, timeouts.
 *
 * <pre>{@code
 * RegistrySettings internal = RegistrySettings.defaults()
 *     .withPlainHttp(true)
 *     .withConnectTimeout(Duration.ofSeconds(2));
 * RegistryClient.builder().registry("registry.internal:5000", internal).build();
 * }</pre>
 *
 * <p>Loopback registries ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}) use plain http
 * unless {@link #plainHttp()} says otherwise, like docker and containerd.
 *
 * @param plainHttp {@code true} for http, {@code false} for https, empty to decide by host
 *     (loopback: http, everything else: https)
 * @param insecureTls accept any TLS certificate and host name; for test setups only
 * @param connectTimeout TCP/TLS connect timeout, empty for the transport's default
 * @param readTimeout longest wait for response headers or body bytes, empty for the default
 */
public record RegistrySettings(
    Optional<Boolean> plainHttp,
    boolean insecureTls,
    Optional<Duration> connectTimeout,
    Optional<Duration> readTimeout) {

  private static final RegistrySettings DEFAULTS =
      new RegistrySettings(Optional.empty(), false, Optional.empty(), Optional.empty());

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a timeout is zero or negative
   */
  public RegistrySettings {
    Objects.requireNonNull(plainHttp, "plainHttp");
    Objects.requireNonNull(connectTimeout, "connectTimeout").ifPresent(t -> positive("connect", t));
    Objects.requireNonNull(readTimeout, "readTimeout").ifPresent(t -> positive("read", t));
  }

  /** https (http for loopback), verified TLS, the transport's default timeouts. */
  public static RegistrySettings defaults() {
    return DEFAULTS;
  }

  /** These settings with plain http forced on or off. */
  public RegistrySettings withPlainHttp(boolean plain) {
    return new RegistrySettings(Optional.of(plain), insecureTls, connectTimeout, readTimeout);
  }

  /** These settings with TLS verification turned off ({@code true}) or on. */
  public RegistrySettings withInsecureTls(boolean insecure) {
    return new RegistrySettings(plainHttp, insecure, connectTimeout, readTimeout);
  }

  /** These settings with another connect timeout. */
  public RegistrySettings withConnectTimeout(Duration timeout) {
    return new RegistrySettings(plainHttp, insecureTls, Optional.of(timeout), readTimeout);
  }

  /** These settings with another read timeout. */
  public RegistrySettings withReadTimeout(Duration timeout) {
    return new RegistrySettings(plainHttp, insecureTls, connectTimeout, Optional.of(timeout));
  }

  /**
   * The URL scheme for {@code host} (as in an image reference, e.g. {@code localhost:5000}): {@code
   * http} or {@code https}.
   */
  public String scheme(String host) {
    return plainHttp.orElseGet(() -> isLoopback(host)) ? "http" : "https";
  }

  static boolean isLoopback(String host) {
    String name = host;
    if (name.startsWith("[")) {
      name = name.substring(1, Math.max(1, name.indexOf(']')));
    } else if (name.indexOf(':') >= 0) {
      name = name.substring(0, name.indexOf(':'));
    }
    return name.equalsIgnoreCase("localhost") || name.equals("::1") || isIpv4Loopback(name);
  }

  private static boolean isIpv4Loopback(String name) {
    String[] parts = name.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return false;
      }
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static void positive(String what, Duration timeout) {
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException(what + " timeout must be positive, got " + timeout);
    }
  }
}
