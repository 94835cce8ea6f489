package dev.registryclient.core.transport.http5;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watch's contract. Waits only ever check lower bounds on time (a loaded machine can make
 * things later, never earlier), so none of these can fail because the machine is slow.
 */
class WatchdogTest {
  private final Watchdog watchdog = new Watchdog();
  private final AtomicInteger expiries = new AtomicInteger();
  private final AtomicLong firedAt = new AtomicLong();
  private final CountDownLatch fired = new CountDownLatch(1);

  private Watchdog.Watch watch() {
    return watchdog.watch(
        () -> {
          firedAt.set(System.nanoTime());
          expiries.incrementAndGet();
          fired.countDown();
        });
  }

  @AfterEach
  void stop() {
    watchdog.close();
  }

  @Test
  void aWaitThatOutlastsItsTimeoutAbortsOnceAndDisarmSaysSo() throws Exception {
    Watchdog.Watch watch = watch();
    watch.arm(Duration.ofMillis(20));

    assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(watch.disarm()).isTrue();
    assertThat(expiries).hasValue(1);
  }

  @Test
  void reArmingMovesTheDeadlineInsteadOfFiringAtTheFirstOne() throws Exception {
    Watchdog.Watch watch = watch();
    watch.arm(Duration.ofMillis(100));
    assertThat(watch.disarm()).isFalse();
    Thread.sleep(60);
    long lastArm = System.nanoTime();
    watch.arm(Duration.ofMillis(100)); // the timer task for the first deadline is still pending

    assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(firedAt.get() - lastArm).isGreaterThanOrEqualTo(Duration.ofMillis(100).toNanos());
    assertThat(watch.disarm()).isTrue();
  }

  @Test
  void aDisarmedWaitNeverFiresAndTheNextArmWatchesAgain() throws Exception {
    Watchdog.Watch watch = watch();
    watch.arm(Duration.ofMillis(20));
    assertThat(watch.disarm()).isFalse();
    Thread.sleep(100); // the first timer task ran and found nothing armed

    assertThat(expiries).hasValue(0);
    watch.arm(Duration.ofMillis(20));
    assertThat(fired.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aClosedWatchNeverFiresEvenIfArmedAgain() throws Exception {
    Watchdog.Watch watch = watch();
    watch.arm(Duration.ofMillis(20));
    watch.close();
    watch.arm(Duration.ofMillis(20));
    Thread.sleep(150);

    assertThat(expiries).hasValue(0);
    assertThat(watch.disarm()).isFalse();
  }
}
