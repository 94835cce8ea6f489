package dev.registryclient.api.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to talk to one registry (or, as the client's defaults, to every registry): plain http or
 * https, TLS verification, timeouts, retries.
 *
 * <pre>{@code
 * RegistrySettings internal = RegistrySettings.defaults()
 *     .withPlainHttp(true)
 *     .withConnectTimeout(Duration.ofSeconds(2))
 *     .withRetries(3, Duration.ofSeconds(30));
 * RegistryClient.builder().registry("registry.internal:5000", internal).build();
 * }</pre>
 *
 * <p>Loopback registries ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}) use plain http
 * unless {@link #plainHttp()} or {@link #insecureTls()} says otherwise, like docker and containerd.
 *
 * @param plainHttp {@code true} for http, {@code false} for https, empty to decide by host
 *     (loopback: http unless {@code insecureTls}, everything else: https)
 * @param insecureTls accept any TLS certificate and host name from the registry's own host (not
 *     from hosts it redirects to); for test setups only
 * @param connectTimeout TCP/TLS connect timeout, empty for the transport's default
 * @param readTimeout longest wait for response headers or body bytes, empty for the default
 * @param retries when to send a failed request again, empty for the transport's default (5 attempts
 *     within 2 minutes)
 * @param uploadChunkSize bytes per upload {@code PATCH} (and memory per blob being sent), empty for
 *     the default of 8 MiB; a registry's {@code OCI-Chunk-Min-Length} raises it
 */
public record RegistrySettings(
    Optional<Boolean> plainHttp,
    boolean insecureTls,
    Optional<Duration> connectTimeout,
    Optional<Duration> readTimeout,
    Optional<Retries> retries,
    OptionalInt uploadChunkSize) {

  /** The largest upload chunk: 64 MiB. */
  public static final int MAX_UPLOAD_CHUNK_SIZE = 64 << 20;

  private static final RegistrySettings DEFAULTS =
      new RegistrySettings(
          Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Settings with the default upload chunk size.
   *
   * @param plainHttp {@code true} for http, {@code false} for https, empty to decide by host
   * @param insecureTls accept any TLS certificate and host name from the registry's own host
   * @param connectTimeout TCP/TLS connect timeout, empty for the transport's default
   * @param readTimeout longest wait for response headers or body bytes, empty for the default
   * @param retries when to send a failed request again, empty for the transport's default
   * @throws IllegalArgumentException if a timeout is zero or negative
   */
  public RegistrySettings(
      Optional<Boolean> plainHttp,
      boolean insecureTls,
      Optional<Duration> connectTimeout,
      Optional<Duration> readTimeout,
      Optional<Retries> retries) {
    this(plainHttp, insecureTls, connectTimeout, readTimeout, retries, OptionalInt.empty());
  }

  /**
   * Validates.
   *
   * @param plainHttp {@code true} for http, {@code false} for https, empty to decide by host
   *     (loopback: http unless {@code insecureTls}, everything else: https)
   * @param insecureTls accept any TLS certificate and host name from the registry's own host (not
   *     from hosts it redirects to); for test setups only
   * @param connectTimeout TCP/TLS connect timeout, empty for the transport's default
   * @param readTimeout longest wait for response headers or body bytes, empty for the default
   * @param retries when to send a failed request again, empty for the transport's default (5
   *     attempts within 2 minutes)
   * @param uploadChunkSize bytes per upload {@code PATCH} (and memory per blob being sent), empty
   *     for the default of 8 MiB; a registry's {@code OCI-Chunk-Min-Length} raises it
   * @throws IllegalArgumentException if a timeout is zero or negative
   */
  public RegistrySettings {
    Objects.requireNonNull(plainHttp, "plainHttp");
    Objects.requireNonNull(connectTimeout, "connectTimeout").ifPresent(t -> positive("connect", t));
    Objects.requireNonNull(readTimeout, "readTimeout").ifPresent(t -> positive("read", t));
    Objects.requireNonNull(retries, "retries");
    Objects.requireNonNull(uploadChunkSize, "uploadChunkSize")
        .ifPresent(
            n -> {
              if (n < 1024 || n > MAX_UPLOAD_CHUNK_SIZE) {
                throw new IllegalArgumentException(
                    "upload chunk size must be 1 KiB to 64 MiB, got " + n);
              }
            });
  }

  /**
   * https (http for loopback), verified TLS, the transport's default timeouts.
   *
   * @return the shared default settings
   */
  public static RegistrySettings defaults() {
    return DEFAULTS;
  }

  /**
   * These settings with plain http forced on or off.
   *
   * @param plain {@code true} for http, {@code false} for https
   * @return a copy with {@code plainHttp} set
   */
  public RegistrySettings withPlainHttp(boolean plain) {
    return new RegistrySettings(
        Optional.of(plain), insecureTls, connectTimeout, readTimeout, retries, uploadChunkSize);
  }

  /**
   * These settings with TLS verification of the registry's host turned off ({@code true}) or on.
   * Hosts the registry redirects to (a CDN) are still verified. Turning it off also makes a
   * loopback registry speak https, unless {@link #withPlainHttp} says otherwise.
   *
   * @param insecure {@code true} to accept any certificate from the registry's host
   * @return a copy with {@code insecureTls} set
   */
  public RegistrySettings withInsecureTls(boolean insecure) {
    return new RegistrySettings(
        plainHttp, insecure, connectTimeout, readTimeout, retries, uploadChunkSize);
  }

  /**
   * These settings with another connect timeout.
   *
   * @param timeout the connect timeout, positive
   * @return a copy with {@code connectTimeout} set
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  public RegistrySettings withConnectTimeout(Duration timeout) {
    return new RegistrySettings(
        plainHttp, insecureTls, Optional.of(timeout), readTimeout, retries, uploadChunkSize);
  }

  /**
   * These settings with another read timeout.
   *
   * @param timeout the read timeout, positive
   * @return a copy with {@code readTimeout} set
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  public RegistrySettings withReadTimeout(Duration timeout) {
    return new RegistrySettings(
        plainHttp, insecureTls, connectTimeout, Optional.of(timeout), retries, uploadChunkSize);
  }

  /**
   * These settings with up to {@code maxAttempts} attempts per request (1 = no retry) within {@code
   * maxTotal}; see {@link Retries#of}.
   *
   * @param maxAttempts the most attempts per request, 1 to 100
   * @param maxTotal the time budget from the first attempt, positive
   * @return a copy with {@code retries} set
   * @throws IllegalArgumentException if attempts are outside 1..100 or the total is not positive
   */
  public RegistrySettings withRetries(int maxAttempts, Duration maxTotal) {
    return withRetries(Retries.of(maxAttempts, maxTotal));
  }

  /**
   * These settings with these retries.
   *
   * @param retries the retry policy
   * @return a copy with {@code retries} set
   */
  public RegistrySettings withRetries(Retries retries) {
    return new RegistrySettings(
        plainHttp,
        insecureTls,
        connectTimeout,
        readTimeout,
        Optional.of(Objects.requireNonNull(retries, "retries")),
        uploadChunkSize);
  }

  /**
   * These settings with {@code bytes} per upload {@code PATCH} (1 KiB to 64 MiB): larger chunks
   * mean fewer requests, smaller ones less memory per blob in flight and less to send again after a
   * cut. Some proxies limit request bodies; stay below their limit.
   *
   * @param bytes the chunk size in bytes, 1024 to {@value #MAX_UPLOAD_CHUNK_SIZE}
   * @return a copy with {@code uploadChunkSize} set
   * @throws IllegalArgumentException if {@code bytes} is out of range
   */
  public RegistrySettings withUploadChunkSize(int bytes) {
    return new RegistrySettings(
        plainHttp, insecureTls, connectTimeout, readTimeout, retries, OptionalInt.of(bytes));
  }

  /**
   * The URL scheme for {@code host} (as in an image reference, e.g. {@code localhost:5000}): {@code
   * http} or {@code https}.
   *
   * @param host the registry, {@code host[:port]}
   * @return {@code "http"} or {@code "https"}
   */
  public String scheme(String host) {
    // insecure TLS says the registry speaks TLS, so it overrides the loopback default of http
    return plainHttp.orElseGet(() -> !insecureTls && isLoopback(host)) ? "http" : "https";
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
