package dev.registryclient.api.exception;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The registry kept answering 429 ({@code TOOMANYREQUESTS}) until the retry budget ran out. {@link
 * #retryAfter()} tells how long the registry last asked to wait.
 */
public class RateLimitedException extends RegistryServiceException {
  private static final long serialVersionUID = 1L;

  private final transient Optional<Duration> retryAfter;

  /**
   * @param retryAfter the last {@code Retry-After} the registry sent, if any
   */
  public RateLimitedException(
      ErrorContext context,
      String detail,
      int statusCode,
      List<RegistryError> errors,
      Optional<Duration> retryAfter) {
    super(context, detail, statusCode, errors);
    this.retryAfter = retryAfter;
  }

  /** The last {@code Retry-After} the registry sent, if any. */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
