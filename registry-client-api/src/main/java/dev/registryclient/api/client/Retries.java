package dev.registryclient.api.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the client sends a failed idempotent request again (after connection failures,
 * timeouts, 408, 429 and 5xx answers), waiting {@code firstBackoff}, then twice as long each time,
 * and never starting a wait that would end after {@code maxTotal} from the first attempt.
 *
 * <pre>{@code
 * RegistrySettings flaky = RegistrySettings.defaults().withRetries(Retries.of(8, Duration.ofMinutes(5)));
 * RegistrySettings failFast = RegistrySettings.defaults().withRetries(Retries.none());
 * }</pre>
 *
 * @param maxAttempts the most attempts, the first included: 1 to 100 (1 never retries)
 * @param firstBackoff the wait before the second attempt, zero or more
 * @param maxTotal the time budget from the first attempt, positive
 */
public record Retries(int maxAttempts, Duration firstBackoff, Duration maxTotal) {
  /** The wait before the second attempt unless {@link #withFirstBackoff} says otherwise. */
  public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofMillis(500);

  /**
   * Validates.
   *
   * @param maxAttempts the most attempts, the first included: 1 to 100 (1 never retries)
   * @param firstBackoff the wait before the second attempt, zero or more
   * @param maxTotal the time budget from the first attempt, positive
   * @throws IllegalArgumentException naming the value: attempts outside 1..100, a negative backoff
   *     or a total that is not positive
   */
  public Retries {
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new IllegalArgumentException("maxAttempts must be 1 to 100, got " + maxAttempts);
    }
    if (Objects.requireNonNull(firstBackoff, "firstBackoff").isNegative()) {
      throw new IllegalArgumentException("firstBackoff must not be negative, got " + firstBackoff);
    }
    Objects.requireNonNull(maxTotal, "maxTotal");
    if (maxTotal.isZero() || maxTotal.isNegative()) {
      throw new IllegalArgumentException("maxTotal must be positive, got " + maxTotal);
    }
  }

  /**
   * Up to {@code maxAttempts} attempts within {@code maxTotal}, 500 ms doubling between them.
   *
   * @param maxAttempts the most attempts, the first included: 1 to 100
   * @param maxTotal the time budget from the first attempt, positive
   * @return the retry policy, with {@link #DEFAULT_FIRST_BACKOFF}
   * @throws IllegalArgumentException if a value is out of range
   */
  public static Retries of(int maxAttempts, Duration maxTotal) {
    return new Retries(maxAttempts, DEFAULT_FIRST_BACKOFF, maxTotal);
  }

  /**
   * One attempt only: failures surface at once.
   *
   * @return a policy of a single attempt
   */
  public static Retries none() {
    return of(1, Duration.ofMinutes(2));
  }

  /**
   * These retries with another wait before the second attempt.
   *
   * @param backoff the wait before the second attempt, zero or more
   * @return a copy with {@code firstBackoff} set
   * @throws IllegalArgumentException if {@code backoff} is negative
   */
  public Retries withFirstBackoff(Duration backoff) {
    return new Retries(maxAttempts, backoff, maxTotal);
  }
}
