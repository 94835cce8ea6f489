package dev.registryclient.core.transport.http5;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The watch's contract, on a timer whose clock the test moves: no sleeps and no races, so the
 * outcome is the same on an idle and on a fully loaded machine.
 */
class WatchdogTest {
  private final ManualTimer timer = new ManualTimer();
  private final Watchdog watchdog = new Watchdog(timer);
  private final AtomicInteger expiries = new AtomicInteger();

  private Watchdog.Watch watch() {
    return watchdog.watch(expiries::incrementAndGet);
  }

  @Test
  void aWaitThatOutlastsItsTimeoutAbortsOnceAndDisarmSaysSo() {
    Watchdog.Watch watch = watch();
    watch.arm(Duration.ofMillis(20));

    timer.advance(Duration.ofMillis(19));
    assertThat(expiries).hasValue(0);
    timer.advance(Duration.ofMillis(1));
    assertThat(expiries).hasValue(1);
    timer.advance(Duration.ofSeconds(10));

    assertThat(watch.disarm()).isTrue();
    assertThat(expiries).hasValue(1);
  }

  @Test
  void reArmingMovesTheDeadlineInsteadOfFiringAtTheFirstOne() {
    Watchdog.Watch watch = watch();
    watch.arm(Duration.ofMillis(100));
    assertThat(watch.disarm()).isFalse();
    timer.advance(Duration.ofMillis(60));
    watch.arm(Duration.ofMillis(100)); // the timer task for the first deadline is still pending

    timer.advance(Duration.ofMillis(40)); // the first deadline: the task runs and reschedules
    assertThat(expiries).hasValue(0);
    assertThat(timer.pending()).isEqualTo(1);
    timer.advance(Duration.ofMillis(59));
    assertThat(expiries).hasValue(0);
    timer.advance(Duration.ofMillis(1)); // 100 ms after the last arm
    assertThat(expiries).hasValue(1);
    assertThat(watch.disarm()).isTrue();
  }

  @Test
  void armingAgainAndAgainKeepsAtMostOneTimerTask() {
    Watchdog.Watch watch = watch();
    for (int i = 0; i < 1_000; i++) {
      watch.arm(Duration.ofSeconds(1));
      watch.disarm();
    }
    assertThat(timer.pending()).isEqualTo(1);
  }

  @Test
  void aDisarmedWaitNeverFiresAndTheNextArmWatchesAgain() {
    Watchdog.Watch watch = watch();
    watch.arm(Duration.ofMillis(20));
    assertThat(watch.disarm()).isFalse();
    timer.advance(Duration.ofMillis(100)); // the first timer task runs and finds nothing armed

    assertThat(expiries).hasValue(0);
    assertThat(timer.pending()).isZero();
    watch.arm(Duration.ofMillis(20));
    timer.advance(Duration.ofMillis(20));
    assertThat(expiries).hasValue(1);
  }

  @Test
  void aClosedWatchNeverFiresEvenIfArmedAgain() {
    Watchdog.Watch watch = watch();
    watch.arm(Duration.ofMillis(20));
    watch.close();
    assertThat(timer.pending()).as("close cancels the timer task").isZero();
    watch.arm(Duration.ofMillis(20));
    timer.advance(Duration.ofSeconds(1));

    assertThat(expiries).hasValue(0);
    assertThat(watch.disarm()).isFalse();
  }

  @Test
  void theRealTimerFiresAnExpiredWait() throws Exception {
    java.util.concurrent.CountDownLatch fired = new java.util.concurrent.CountDownLatch(1);
    try (Watchdog real = new Watchdog()) {
      real.watch(fired::countDown).arm(Duration.ofMillis(1));
      // only a lower bound on time is implied: the wait may fire late on a loaded machine
      assertThat(fired.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
  }

  /** Tasks run on the test's thread when the test moves the clock past their time. */
  private static final class ManualTimer implements Watchdog.Timer {
    private record Task(long due, Runnable action, long order) {}

    private final List<Task> tasks = new ArrayList<>();
    private long now = 1_000_000_000L;
    private long scheduled;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public Runnable schedule(Runnable action, long delayNanos) {
      Task task = new Task(now + delayNanos, action, scheduled++);
      tasks.add(task);
      return () -> tasks.remove(task);
    }

    void advance(Duration by) {
      long target = now + by.toNanos();
      for (int ran = 0; ran < 10_000; ran++) {
        Task next =
            tasks.stream()
                .filter(t -> t.due() <= target)
                .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::order))
                .orElse(null);
        if (next == null) {
          now = target;
          return;
        }
        tasks.remove(next);
        now = Math.max(now, next.due());
        next.action().run();
      }
      throw new AssertionError("timer tasks keep rescheduling themselves within " + by);
    }

    int pending() {
      return tasks.size();
    }

    @Override
    public void close() {
      tasks.clear();
    }
  }
}
