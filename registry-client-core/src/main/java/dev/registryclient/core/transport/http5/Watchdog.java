package dev.registryclient.core.transport.http5;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Aborts an exchange that stays silent too long. HttpClient has a single socket timeout for the
 * whole exchange, so the response-header timeout and the idle-read timeout on bodies, which may
 * differ, are enforced here: each wait is armed before it starts and disarmed when it returns; if
 * it expires first the exchange is cancelled, which closes the socket and wakes the blocked read.
 * One daemon thread per engine.
 *
 * <p>A body is read in thousands of waits, so arming must not touch the timer each time (a timer
 * task per read woke the timer thread about 6,000 times per 512 MB pull). A {@link Watch} keeps at
 * most one timer task: arming only moves its deadline, and when the task runs early because the
 * deadline moved on, it schedules itself again for the new deadline.
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

  /** A watch for one exchange that runs {@code onExpiry} if an armed wait outlasts its timeout. */
  Watch watch(Runnable onExpiry) {
    return new Watch(onExpiry);
  }

  /** The waits of one exchange, one at a time; thread-safe. */
  final class Watch implements AutoCloseable {
    private final Runnable onExpiry;
    private long deadline;
    private boolean armed;
    private boolean fired;
    private boolean closed;
    private ScheduledFuture<?> task;

    private Watch(Runnable onExpiry) {
      this.onExpiry = onExpiry;
    }

    /** Starts a wait that expires after {@code timeout} unless {@link #disarm}ed first. */
    synchronized void arm(Duration timeout) {
      long nanos = timeout.toNanos();
      deadline = System.nanoTime() + nanos;
      armed = true;
      if (task == null && !closed) {
        task = timer.schedule(this::check, nanos, TimeUnit.NANOSECONDS);
      }
    }

    /** Ends the wait; true if the watch has fired (the exchange was aborted). */
    synchronized boolean disarm() {
      armed = false;
      return fired;
    }

    /** Ends the exchange's watching and drops its timer task; the watch cannot fire after this. */
    @Override
    public synchronized void close() {
      armed = false;
      closed = true;
      if (task != null) {
        task.cancel(false);
        task = null;
      }
    }

    private void check() {
      synchronized (this) {
        task = null;
        if (!armed || fired || closed) {
          return; // the next arm schedules again
        }
        long left = deadline - System.nanoTime();
        if (left > 0) {
          task = timer.schedule(this::check, left, TimeUnit.NANOSECONDS);
          return;
        }
        fired = true;
      }
      onExpiry.run(); // outside the lock: cancelling closes a socket another thread may be in
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
