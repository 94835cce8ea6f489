package dev.registryclient.core.transport.http5;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Aborts an exchange that stays silent too long. HttpClient has a single socket timeout for the
 * whole exchange, so the response-header timeout and the idle-read timeout on bodies, which may
 * differ, are enforced here: each wait is armed before it starts and disarmed when it returns; if
 * it expires first the exchange is cancelled, which closes the socket and wakes the blocked read.
 * One daemon thread per engine.
 */
final class Watchdog implements AutoCloseable {
  private final ScheduledThreadPoolExecutor timer;

  Watchdog() {
    timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "registry-client-watchdog");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
  }

  /** A wait that cancels {@code onExpiry} unless disarmed within {@code timeout}. */
  Armed arm(Duration timeout, Runnable onExpiry) {
    AtomicBoolean fired = new AtomicBoolean();
    ScheduledFuture<?> task =
        timer.schedule(
            () -> {
              fired.set(true);
              onExpiry.run();
            },
            timeout.toNanos(),
            TimeUnit.NANOSECONDS);
    return new Armed(task, fired);
  }

  /** An armed wait. */
  static final class Armed {
    private final ScheduledFuture<?> task;
    private final AtomicBoolean fired;

    private Armed(ScheduledFuture<?> task, AtomicBoolean fired) {
      this.task = task;
      this.fired = fired;
    }

    /** Stops the timer; true if it had already fired (the exchange was aborted). */
    boolean disarm() {
      task.cancel(false);
      return fired.get();
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
