package dev.registryclient.api.exception;

import java.util.Objects;
import java.util.Optional;

/**
 * What a registry's rate-limit headers said, as sent: {@code RateLimit-Limit} (e.g. {@code
 * 100;w=21600}: 100 per 21600 s), {@code RateLimit-Remaining} (e.g. {@code 0;w=21600}) and {@code
 * Docker-RateLimit-Source} (the client IP or account the limit counts against).
 *
 * <pre>{@code
 * catch (RateLimitedException e) {
 *   e.remaining().ifPresent(r -> log.warn("quota left: {}", r)); // "0;w=21600"
 * }
 * }</pre>
 *
 * @param limit the {@code RateLimit-Limit} value, if sent
 * @param remaining the {@code RateLimit-Remaining} value, if sent
 * @param source the {@code Docker-RateLimit-Source} value, if sent
 */
public record RateLimitHeaders(
    Optional<String> limit, Optional<String> remaining, Optional<String> source) {

  /**
   * Validates that no component is {@code null}.
   *
   * @param limit the {@code RateLimit-Limit} value, if sent
   * @param remaining the {@code RateLimit-Remaining} value, if sent
   * @param source the {@code Docker-RateLimit-Source} value, if sent
   */
  public RateLimitHeaders {
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(remaining, "remaining");
    Objects.requireNonNull(source, "source");
  }

  /**
   * No rate-limit headers.
   *
   * @return headers with every value empty
   */
  public static RateLimitHeaders none() {
    return new RateLimitHeaders(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Whether none of the headers was sent.
   *
   * @return {@code true} if limit, remaining and source are all empty
   */
  public boolean isEmpty() {
    return limit.isEmpty() && remaining.isEmpty() && source.isEmpty();
  }
}
