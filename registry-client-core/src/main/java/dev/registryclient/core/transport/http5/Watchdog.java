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
  private final Timer timer;

  /** A watchdog on its own daemon timer thread and the system's monotonic clock. */
  Watchdog() {
    this(new ThreadTimer());
  }

  /** A watchdog on {@code timer} (tests pass one whose clock and tasks they drive). */
  Watchdog(Timer timer) {
    this.timer = timer;
  }

  /**
   * Where time and delayed tasks come from. The real one is a thread; a test's runs due tasks when
   * it moves its clock, so no test depends on how fast the machine is.
   */
  interface Timer extends AutoCloseable {
    /** Monotonic nanoseconds, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs {@code task} once, about {@code delayNanos} from now; the result cancels it. */
    Runnable schedule(Runnable task, long delayNanos);

    @Override
    void close();
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
    private Runnable cancelTask;

    private Watch(Runnable onExpiry) {
      this.onExpiry = onExpiry;
    }

    /** Starts a wait that expires after {@code timeout} unless {@link #disarm}ed first. */
    synchronized void arm(Duration timeout) {
      long nanos = timeout.toNanos();
      deadline = timer.nanoTime() + nanos;
      armed = true;
      if (cancelTask == null && !closed) {
        cancelTask = timer.schedule(this::check, nanos);
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
      if (cancelTask != null) {
        cancelTask.run();
        cancelTask = null;
      }
    }

    private void check() {
      synchronized (this) {
        cancelTask = null;
        if (!armed || fired || closed) {
          return; // the next arm schedules again
        }
        long left = deadline - timer.nanoTime();
        if (left > 0) {
          cancelTask = timer.schedule(this::check, left);
          return;
        }
        fired = true;
      }
      onExpiry.run(); // outside the lock: cancelling closes a socket another thread may be in
    }
  }

  @Override
  public void close() {
    timer.close();
  }

  /** The production timer: one daemon thread, cancelled tasks removed at once. */
  private static final class ThreadTimer implements Timer {
    private final ScheduledThreadPoolExecutor executor;

    ThreadTimer() {
      executor =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "registry-client-watchdog");
                t.setDaemon(true);
                return t;
              });
      executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public Runnable schedule(Runnable task, long delayNanos) {
      ScheduledFuture<?> future = executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
      return () -> future.cancel(false);
    }

    @Override
    public void close() {
      executor.shutdownNow();
    }
  }
}
