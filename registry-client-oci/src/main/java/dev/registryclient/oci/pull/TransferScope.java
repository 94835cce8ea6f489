package dev.registryclient.oci.pull;

import dev.registryclient.api.exception.CancelledException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.RegistryException;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cancellation state of one transfer (a pull, a copy, a push), shared by its threads. The first
 * failure or cancellation wins; it closes every registered stream, so a worker blocked in a socket
 * read wakes up at once (Apache's classic I/O does not react to {@link Thread#interrupt()}).
 */
public final class TransferScope {
  private final ErrorContext context;
  private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
  private volatile RegistryException outcome;
  private volatile Duration timeLimit;
  private volatile long startNanos;

  /** A scope for a pull whose failures carry {@code context}. */
  public TransferScope(ErrorContext context) {
    this.context = context;
  }

  /** Phase, registry and repository of the pull, for exceptions. */
  public ErrorContext context() {
    return context;
  }

  /** Stops the pull for {@code reason}, e.g. "interrupted"; ignored if it already ended. */
  public void cancel(String reason) {
    end(new CancelledException(context, reason));
  }

  /**
   * Notes the pull's deadline and its {@link System#nanoTime()} start, for {@link #deadlinePassed}.
   */
  public void timeLimit(Duration limit, long startNanos) {
    this.startNanos = startNanos;
    this.timeLimit = limit;
  }

  /**
   * Stops the pull because its deadline passed, saying which: {@code "deadline of PT0.7S passed
   * after 0.95 s"}.
   */
  public void deadlinePassed() {
    Duration limit = timeLimit;
    if (limit == null) {
      cancel("deadline passed");
      return;
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    cancel(String.format(Locale.ROOT, "deadline of %s passed after %.2f s", limit, seconds));
  }

  /**
   * Between the phases of a transfer: ends it if the thread was interrupted (requests do not react
   * to interrupts) or the {@link System#nanoTime()} {@code deadline} passed, then throws what ended
   * it, if anything did.
   */
  public void checkpoint(long deadline) {
    if (Thread.currentThread().isInterrupted()) {
      cancel("interrupted");
    } else if (deadline - System.nanoTime() <= 0) {
      deadlinePassed();
    }
    check();
  }

  /** Ends the pull with {@code failure} unless it already ended; returns what ended it. */
  public RegistryException fail(RegistryException failure) {
    end(failure);
    return outcome;
  }

  private void end(RegistryException failure) {
    synchronized (this) {
      if (outcome != null) {
        return;
      }
      outcome = failure;
    }
    open.forEach(TransferScope::closeQuietly);
  }

  /** Whether the pull ended early. */
  public boolean ended() {
    return outcome != null;
  }

  /** What ended the pull, or null. */
  public RegistryException outcome() {
    return outcome;
  }

  /** Throws what ended the pull, if it did. */
  public void check() {
    RegistryException ended = outcome;
    if (ended != null) {
      throw ended;
    }
  }

  /**
   * Tracks {@code stream} so that a cancellation closes it; the returned handle stops tracking. If
   * the pull already ended, the stream is closed and the outcome thrown.
   */
  public Closeable register(Closeable stream) {
    open.add(stream);
    if (ended()) {
      open.remove(stream);
      closeQuietly(stream);
      check();
    }
    return () -> open.remove(stream);
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException | RuntimeException e) {
      // the stream is being abandoned; its failure does not matter
    }
  }
}
