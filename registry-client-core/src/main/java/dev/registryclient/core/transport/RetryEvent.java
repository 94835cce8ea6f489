package dev.registryclient.core.transport;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One decision to try again, as reported to a {@link RetryListener} and logged. Its {@link
 * #toString()} is the log line, e.g. {@code (2/5) retrying blob sha256:ab12… from cdn01.example:443
 * in 1.2 s: connection reset}.
 *
 * @param kind what is tried again
 * @param attempt the number of the attempt about to start (2 for the first retry)
 * @param maxAttempts the most attempts allowed
 * @param subject what is being fetched, e.g. {@code blob sha256:ab12…} or {@code manifest 1.0}
 * @param host the host:port whose answer (or silence) caused this
 * @param delay the wait before the next attempt
 * @param reason why, in a few words: {@code connection reset}, {@code HTTP 503}
 * @param failure the failure itself, when it was an exception
 */
public record RetryEvent(
    Kind kind,
    int attempt,
    int maxAttempts,
    String subject,
    String host,
    Duration delay,
    String reason,
    Optional<Throwable> failure) {

  /** What is tried again. */
  public enum Kind {
    /** The whole request is sent again (from the registry, so redirects are fresh). */
    RETRY,
    /** A cut blob body continues with a {@code Range} request from the last byte received. */
    RESUME,
    /** A signed CDN URL was refused; the registry is asked for a new one. */
    REFRESH_URL
  }

  /**
   * Validates the components.
   *
   * @param kind what is tried again
   * @param attempt the number of the attempt about to start (2 for the first retry)
   * @param maxAttempts the most attempts allowed
   * @param subject what is being fetched, e.g. {@code blob sha256:ab12…} or {@code manifest 1.0}
   * @param host the host:port whose answer (or silence) caused this
   * @param delay the wait before the next attempt
   * @param reason why, in a few words: {@code connection reset}, {@code HTTP 503}
   * @param failure the failure itself, when it was an exception
   */
  public RetryEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(failure, "failure");
  }

  @Override
  public String toString() {
    String verb =
        switch (kind) {
          case RETRY -> "retrying";
          case RESUME -> "resuming";
          case REFRESH_URL -> "refreshing the signed URL of";
        };
    return "("
        + attempt
        + "/"
        + maxAttempts
        + ") "
        + verb
        + " "
        + subject
        + " from "
        + host
        + " in "
        + String.format(Locale.ROOT, "%.1f s", delay.toMillis() / 1000.0)
        + ": "
        + reason;
  }
}
