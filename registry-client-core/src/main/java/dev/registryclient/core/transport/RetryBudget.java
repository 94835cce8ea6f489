package dev.registryclient.core.transport;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry allowance of one operation, such as downloading a blob: every layer that tries
 * again (the transport's retries, a blob body's {@code Range} resumes) draws on it, so the layers
 * never multiply each other's attempts and the final error can state the real number of attempts
 * and the time they took. The limits come from the transport's {@link RetryPolicy}.
 *
 * <p>A request carries its operation's budget ({@link Request.Builder#retryBudget}); a request
 * without one gets a fresh budget from the retry layer. Retries are reported, as {@link
 * RetryEvent}s, to the budget's listener, so whoever started the operation sees exactly its own
 * retries.
 *
 * <pre>{@code
 * RetryBudget budget = transport.newRetryBudget(event -> progress.note(event));
 * Request get = Request.get(blobUri).newBuilder().retryBudget(budget).build();
 * try (InputStream in = ResumableBlobStream.open(transport, get, digest, size)) { ... }
 * }</pre>
 *
 * <p>Bytes received since the previous failure (a body cut after progress) start the count of
 * attempts in a row and the deadline afresh, so a long download over a flaky link continues as long
 * as it advances; a total of {@value #TOTAL_FACTOR} times {@link RetryPolicy#maxAttempts()}
 * failures still ends it, which bounds a server that trickles a byte between stalls. Thread-safe;
 * meant for one operation at a time.
 */
public final class RetryBudget {
  private static final Logger LOG = LoggerFactory.getLogger(RetryBudget.class);

  /**
   * Failures in all, as a multiple of the policy's attempts, after which progress no longer helps.
   */
  public static final int TOTAL_FACTOR = 4;

  private final RetryPolicy policy;
  private final Sleeper clock;
  private final RetryListener listener;
  private final long started;
  private long windowStart;
  private int attempts = 1;
  private int failures;
  private int failuresInARow;
  private int unreachableInARow;

  RetryBudget(RetryPolicy policy, Sleeper clock, RetryListener listener) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.started = clock.nanoTime();
    this.windowStart = started;
  }

  /**
   * One failed attempt, as the budget judges it.
   *
   * @param unreachable the host could not be connected to (refused, connect timeout, no route)
   * @param afterProgress bytes arrived since the previous failure (a body cut mid-transfer)
   * @param retryAfter the wait the server asked for, if any
   */
  public record Failure(boolean unreachable, boolean afterProgress, Optional<Duration> retryAfter) {
    /**
     * Checks for null.
     *
     * @param unreachable the host could not be connected to (refused, connect timeout, no route)
     * @param afterProgress bytes arrived since the previous failure (a body cut mid-transfer)
     * @param retryAfter the wait the server asked for, if any
     */
    public Failure {
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * A failure without an answer or progress, such as a reset before the response.
     *
     * @param unreachable whether the host could not be connected to
     * @return the failure, without progress or {@code Retry-After}
     */
    public static Failure of(boolean unreachable) {
      return new Failure(unreachable, false, Optional.empty());
    }
  }

  /**
   * Records a failed attempt and decides: the wait before the next attempt, or empty when the
   * budget is spent (too many attempts in a row or in all, too many to an unreachable host, a
   * {@code Retry-After} longer than the policy honours, or the deadline would pass).
   *
   * @param failure the attempt that failed
   * @return the wait before the next attempt, or empty if the budget is spent
   */
  public synchronized Optional<Duration> nextWait(Failure failure) {
    failures++;
    if (failure.afterProgress()) {
      failuresInARow = 0;
      unreachableInARow = 0;
      windowStart = clock.nanoTime();
    }
    failuresInARow++;
    unreachableInARow = failure.unreachable() ? unreachableInARow + 1 : 0;
    if (failuresInARow >= policy.maxAttempts()
        || unreachableInARow >= policy.unreachableHostAttempts()
        || failures >= TOTAL_FACTOR * policy.maxAttempts()) {
      return Optional.empty();
    }
    Optional<Duration> asked = failure.retryAfter();
    if (asked.filter(d -> d.compareTo(policy.maxRetryAfter()) > 0).isPresent()) {
      return Optional.empty(); // the server asks for longer than we are willing to wait
    }
    // a body cut after progress is most likely one dropped connection: continue at once
    Duration wait =
        failure.afterProgress() && asked.isEmpty()
            ? Duration.ZERO
            : policy.delayAfter(failuresInARow, asked, ThreadLocalRandom.current().nextDouble());
    Duration inWindow = Duration.ofNanos(clock.nanoTime() - windowStart);
    return inWindow.plus(wait).compareTo(policy.deadline()) > 0
        ? Optional.empty()
        : Optional.of(wait);
  }

  /**
   * Announces the next attempt (logs the event at INFO, tells the listener), then waits for it.
   *
   * @param kind what is tried again
   * @param subject what is being fetched, e.g. {@code blob sha256:ab12…}
   * @param host the host:port whose answer (or silence) caused the retry
   * @param wait the wait before the next attempt, as {@link #nextWait} gave it
   * @param reason why, in a few words: {@code connection reset}, {@code HTTP 503}
   * @param failure the failure itself, when it was an exception
   * @throws InterruptedIOException if the thread is interrupted while waiting
   */
  public void retry(
      RetryEvent.Kind kind,
      String subject,
      String host,
      Duration wait,
      String reason,
      Optional<Throwable> failure)
      throws InterruptedIOException {
    RetryEvent event;
    synchronized (this) {
      attempts++;
      event =
          new RetryEvent(
              kind, attempts, policy.maxAttempts(), subject, host, wait, reason, failure);
    }
    LOG.info("{}", event);
    listener.onRetry(event);
    try {
      clock.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting");
      interrupted.initCause(e);
      throw interrupted;
    }
  }

  /**
   * Whether a response with this status is worth another attempt under the policy.
   *
   * @param status an HTTP status code
   * @return whether the policy retries it
   */
  public boolean isRetryable(int status) {
    return policy.isRetryable(status);
  }

  /**
   * Reports an event that costs no attempt, such as a signed-URL refresh.
   *
   * @param event the event to log and pass to the listener
   */
  public void report(RetryEvent event) {
    LOG.info("{}", event);
    listener.onRetry(event);
  }

  /**
   * The attempts started so far, the first included.
   *
   * @return the number of attempts started
   */
  public synchronized int attempts() {
    return attempts;
  }

  /**
   * The time since the operation started.
   *
   * @return the time since the budget was created
   */
  public Duration elapsed() {
    return Duration.ofNanos(clock.nanoTime() - started);
  }

  /**
   * For messages: {@code 1 attempt in 0.3 s}, {@code 3 attempts in 15.6 s}.
   *
   * @return the attempts and elapsed time, in words
   */
  public String summary() {
    int n = attempts();
    return n
        + (n == 1 ? " attempt" : " attempts")
        + " in "
        + String.format(Locale.ROOT, "%.1f s", elapsed().toMillis() / 1000.0);
  }

  @Override
  public synchronized String toString() {
    return "RetryBudget[attempts=" + attempts + ", failures=" + failures + ", " + policy + "]";
  }
}
