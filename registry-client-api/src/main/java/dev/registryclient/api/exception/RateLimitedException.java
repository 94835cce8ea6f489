package dev.registryclient.api.exception;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry kept answering 429 ({@code TOOMANYREQUESTS}) until the retry budget ran out. {@link
 * #retryAfter()} tells how long the registry last asked to wait; {@link #limit()}, {@link
 * #remaining()} and {@link #source()} what its rate-limit headers said, and the message says it in
 * words ({@code "rate limited: 0 of 100 requests left per 6 h (source 1.2.3.4); retry after 60
 * s"}).
 *
 * <pre>{@code
 * try {
 *   client.pull(ref).into(store).execute();
 * } catch (RateLimitedException e) {
 *   Duration wait = e.retryAfter().orElse(Duration.ofMinutes(1));
 *   log.warn("rate limited (remaining {}), retrying in {}", e.remaining().orElse("?"), wait);
 * }
 * }</pre>
 */
public class RateLimitedException extends RegistryServiceException {
  private static final long serialVersionUID = 1L;

  private final transient Optional<Duration> retryAfter;
  private final transient RateLimitHeaders headers;

  /**
   * A rate limit without rate-limit headers.
   *
   * @param context where the failure happened
   * @param detail what went wrong, without the context prefix
   * @param statusCode the HTTP status of the last answer, normally 429
   * @param errors the parsed error body entries, possibly empty
   * @param retryAfter the last {@code Retry-After} the registry sent, if any
   */
  public RateLimitedException(
      ErrorContext context,
      String detail,
      int statusCode,
      List<RegistryError> errors,
      Optional<Duration> retryAfter) {
    this(context, detail, statusCode, errors, retryAfter, RateLimitHeaders.none());
  }

  /**
   * @param context where the failure happened
   * @param detail what went wrong, without the context prefix
   * @param statusCode the HTTP status of the last answer, normally 429
   * @param errors the parsed error body entries, possibly empty
   * @param retryAfter the last {@code Retry-After} the registry sent, if any
   * @param headers the rate-limit headers of the last answer
   */
  public RateLimitedException(
      ErrorContext context,
      String detail,
      int statusCode,
      List<RegistryError> errors,
      Optional<Duration> retryAfter,
      RateLimitHeaders headers) {
    super(context, detail, statusCode, errors);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    this.headers = Objects.requireNonNull(headers, "headers");
  }

  /**
   * The last {@code Retry-After} the registry sent, if any.
   *
   * @return the requested wait, or empty if the registry sent none
   */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }

  /**
   * The {@code RateLimit-Limit} header as sent, e.g. {@code 100;w=21600}.
   *
   * @return the header value, or empty if not sent
   */
  public Optional<String> limit() {
    return headers.limit();
  }

  /**
   * The {@code RateLimit-Remaining} header as sent, e.g. {@code 0;w=21600}.
   *
   * @return the header value, or empty if not sent
   */
  public Optional<String> remaining() {
    return headers.remaining();
  }

  /**
   * The {@code Docker-RateLimit-Source} header as sent: the IP or account the limit counts.
   *
   * @return the header value, or empty if not sent
   */
  public Optional<String> source() {
    return headers.source();
  }

  /**
   * All rate-limit headers of the last answer.
   *
   * @return the headers, empty values for those not sent
   */
  public RateLimitHeaders headers() {
    return headers;
  }
}
