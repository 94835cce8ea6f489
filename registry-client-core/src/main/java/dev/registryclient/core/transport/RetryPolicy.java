package dev.registryclient.core.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When and how often the transport sends an idempotent request again: after connect errors,
 * connection resets and timeouts, and after the statuses in {@link #retryableStatuses()} (408, 429,
 * 500, 502, 503, 504). The delay before attempt {@code n + 1} is {@code initialBackoff *
 * multiplier^(n-1)}, capped at {@code maxBackoff}, spread by {@code ±jitter}; a {@code Retry-After}
 * from the server replaces it (a longer wait than {@link #maxRetryAfter()} gives up at once).
 * Retrying stops after {@link #maxAttempts()} attempts or when the next wait would pass {@link
 * #deadline()} counted from the first attempt. A host that cannot be connected to at all (refused,
 * connect timeout, no route) gets at most {@link #unreachableHostAttempts()} attempts in a row: it
 * is down or blocked by a firewall, and trying it for the whole budget only delays the error.
 *
 * <p>These limits apply to one operation as a whole, through its {@link RetryBudget}: a blob
 * download's retries, {@code Range} resumes and signed-URL refreshes all draw on the same budget,
 * and bytes received since the last failure start the count and the deadline afresh.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *     .maxAttempts(3)
 *     .initialBackoff(Duration.ofMillis(200))
 *     .deadline(Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RetryPolicy {
  private static final Set<Integer> DEFAULT_STATUSES = Set.of(408, 429, 500, 502, 503, 504);
  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final double multiplier;
  private final Duration maxBackoff;
  private final double jitter;
  private final Duration maxRetryAfter;
  private final Duration deadline;
  private final int unreachableHostAttempts;
  private final Set<Integer> retryableStatuses;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.multiplier = b.multiplier;
    this.maxBackoff = b.maxBackoff;
    this.jitter = b.jitter;
    this.maxRetryAfter = b.maxRetryAfter;
    this.deadline = b.deadline;
    this.unreachableHostAttempts = b.unreachableHostAttempts;
    this.retryableStatuses = Set.copyOf(b.retryableStatuses);
  }

  /**
   * 5 attempts (3 to a host that cannot be connected to), 500 ms doubling up to 10 s, ±20 % jitter,
   * Retry-After up to 60 s, 2 min deadline.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * One attempt only: failures surface at once (still mapped to typed exceptions).
   *
   * @return a policy of a single attempt
   */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The most attempts, the first included (at least 1).
   *
   * @return the most attempts
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The wait before the second attempt.
   *
   * @return the initial wait
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * The factor the wait grows by per attempt.
   *
   * @return the growth factor, 1 to 100
   */
  public double multiplier() {
    return multiplier;
  }

  /**
   * The longest computed wait (a server's Retry-After may ask for more).
   *
   * @return the longest computed wait
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * The random spread of each wait, 0 to 1 (0.2 = ±20 %).
   *
   * @return the jitter fraction
   */
  public double jitter() {
    return jitter;
  }

  /**
   * The longest {@code Retry-After} worth waiting for; a longer one gives up at once.
   *
   * @return the longest {@code Retry-After} honoured
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * The total time, from the first attempt, after which no further wait starts.
   *
   * @return the deadline
   */
  public Duration deadline() {
    return deadline;
  }

  /**
   * The most attempts in a row that fail to connect (refused, connect timeout, no route); never
   * more than {@link #maxAttempts()}.
   *
   * @return the most consecutive connect failures
   */
  public int unreachableHostAttempts() {
    return Math.min(unreachableHostAttempts, maxAttempts);
  }

  /**
   * A fresh budget for one operation under this policy, for callers outside a transport.
   *
   * @param clock how the budget waits between attempts and tells the time
   * @param listener told about every retry and resume
   * @return a new budget
   */
  public RetryBudget newBudget(Sleeper clock, RetryListener listener) {
    return new RetryBudget(this, clock, listener);
  }

  /**
   * The HTTP statuses worth another attempt.
   *
   * @return the retryable statuses
   */
  public Set<Integer> retryableStatuses() {
    return retryableStatuses;
  }

  /**
   * Whether a response with this status is worth another attempt.
   *
   * @param status an HTTP status code
   * @return whether it is in {@link #retryableStatuses()}
   */
  public boolean isRetryable(int status) {
    return retryableStatuses.contains(status);
  }

  /**
   * The wait after failed attempt {@code attempt} (1-based).
   *
   * @param retryAfter what the server asked for, if anything
   * @param random a number in [0, 1) that spreads the wait (ignored when the server asked)
   * @param attempt the number of the attempt that failed, from 1
   * @return the wait before the next attempt
   */
  public Duration delayAfter(int attempt, Optional<Duration> retryAfter, double random) {
    if (retryAfter.isPresent()) {
      return retryAfter.get();
    }
    double base = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
    double capped = Math.min(base, maxBackoff.toNanos());
    double spread = capped * (1 - jitter + 2 * jitter * random);
    return Duration.ofNanos((long) Math.max(0, spread));
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts="
        + maxAttempts
        + ", backoff="
        + initialBackoff
        + "*"
        + multiplier
        + "^n<="
        + maxBackoff
        + ", jitter="
        + jitter
        + ", maxRetryAfter="
        + maxRetryAfter
        + ", deadline="
        + deadline
        + ", unreachableHostAttempts="
        + unreachableHostAttempts()
        + ", statuses="
        + retryableStatuses
        + "]";
  }

  /** Builds a {@link RetryPolicy}; every setter validates its argument. */
  public static final class Builder {
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofMillis(500);
    private double multiplier = 2;
    private Duration maxBackoff = Duration.ofSeconds(10);
    private double jitter = 0.2;
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private Duration deadline = Duration.ofMinutes(2);
    private int unreachableHostAttempts = 3;
    private Set<Integer> retryableStatuses = DEFAULT_STATUSES;

    private Builder() {}

    /**
     * The most attempts, the first included (1 = never retry).
     *
     * @param attempts the most attempts, 1 to 100
     * @return this builder
     * @throws IllegalArgumentException if {@code attempts} is not 1 to 100
     */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1 || attempts > 100) {
        throw new IllegalArgumentException("maxAttempts must be 1 to 100: " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * The wait before the second attempt (default 500 ms).
     *
     * @param backoff the wait, not negative
     * @return this builder
     * @throws IllegalArgumentException if {@code backoff} is negative
     */
    public Builder initialBackoff(Duration backoff) {
      this.initialBackoff = notNegative(backoff, "initialBackoff");
      return this;
    }

    /**
     * The growth factor per attempt, at least 1 (default 2).
     *
     * @param factor the factor, 1 to 100
     * @return this builder
     * @throws IllegalArgumentException if {@code factor} is not 1 to 100
     */
    public Builder multiplier(double factor) {
      if (!(factor >= 1 && factor <= 100)) {
        throw new IllegalArgumentException("multiplier must be 1 to 100: " + factor);
      }
      this.multiplier = factor;
      return this;
    }

    /**
     * The longest computed wait (default 10 s).
     *
     * @param backoff the wait, not negative
     * @return this builder
     * @throws IllegalArgumentException if {@code backoff} is negative
     */
    public Builder maxBackoff(Duration backoff) {
      this.maxBackoff = notNegative(backoff, "maxBackoff");
      return this;
    }

    /**
     * The random spread, 0 to 1 (default 0.2; 0 makes waits exact, handy in tests).
     *
     * @param fraction the spread, 0 to 1
     * @return this builder
     * @throws IllegalArgumentException if {@code fraction} is not 0 to 1
     */
    public Builder jitter(double fraction) {
      if (!(fraction >= 0 && fraction <= 1)) {
        throw new IllegalArgumentException("jitter must be 0 to 1: " + fraction);
      }
      this.jitter = fraction;
      return this;
    }

    /**
     * The longest server-requested wait to honour (default 60 s).
     *
     * @param limit the longest wait, not negative
     * @return this builder
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    public Builder maxRetryAfter(Duration limit) {
      this.maxRetryAfter = notNegative(limit, "maxRetryAfter");
      return this;
    }

    /**
     * The total time budget from the first attempt (default 2 min).
     *
     * @param total the time budget, not negative
     * @return this builder
     * @throws IllegalArgumentException if {@code total} is negative
     */
    public Builder deadline(Duration total) {
      this.deadline = notNegative(total, "deadline");
      return this;
    }

    /**
     * The most attempts in a row that cannot connect to the host (default 3): with the defaults a
     * host that refuses fails in about 1.5 s, one that drops packets in about 15 s.
     *
     * @param attempts the most attempts, 1 to 100
     * @return this builder
     * @throws IllegalArgumentException if {@code attempts} is not 1 to 100
     */
    public Builder unreachableHostAttempts(int attempts) {
      if (attempts < 1 || attempts > 100) {
        throw new IllegalArgumentException("unreachableHostAttempts must be 1 to 100: " + attempts);
      }
      this.unreachableHostAttempts = attempts;
      return this;
    }

    /**
     * The statuses worth another attempt (default 408, 429, 500, 502, 503, 504).
     *
     * @param statuses HTTP status codes, 100 to 999
     * @return this builder
     * @throws IllegalArgumentException if a status is not 100 to 999
     */
    public Builder retryableStatuses(Set<Integer> statuses) {
      for (int s : statuses) {
        if (s < 100 || s > 999) {
          throw new IllegalArgumentException("not an HTTP status: " + s);
        }
      }
      this.retryableStatuses = Set.copyOf(statuses);
      return this;
    }

    /**
     * The immutable policy.
     *
     * @return the policy
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration notNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + d);
      }
      return d;
    }
  }
}
