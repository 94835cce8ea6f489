package dev.registryclient.core.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EarlyWritebackTest {
  private static final long STEP = 100;

  /** Runs nothing until told to, so a test sees which flushes are pending. */
  private static final class HeldExecutor implements Executor {
    final Queue<Runnable> held = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      held.add(task);
    }

    void runAll() {
      for (Runnable task = held.poll(); task != null; task = held.poll()) {
        task.run();
      }
    }
  }

  private final AtomicInteger flushes = new AtomicInteger();
  private final HeldExecutor flushers = new HeldExecutor();
  private final EarlyWriteback writeback =
      new EarlyWriteback(STEP, flushers, flushes::incrementAndGet);

  @Test
  void flushesOnlyOnceAStepHasBeenWritten() {
    writeback.wrote(60);
    writeback.wrote(39);
    assertThat(flushers.held).isEmpty();

    writeback.wrote(1);
    assertThat(flushers.held).hasSize(1);
    flushers.runAll();
    assertThat(flushes).hasValue(1);
  }

  @Test
  void startsNoSecondFlushWhileOneIsPending() {
    writeback.wrote(STEP);
    writeback.wrote(STEP);
    writeback.wrote(5 * STEP);
    assertThat(flushers.held).hasSize(1);
  }

  @Test
  void bytesWrittenWhileAFlushWasPendingCountTowardsTheNextOne() {
    writeback.wrote(STEP);
    writeback.wrote(STEP);
    flushers.runAll();

    writeback.wrote(1);
    assertThat(flushers.held).hasSize(1);
  }

  @Test
  void aFinishedFlushStartsTheCountAgain() {
    writeback.wrote(STEP);
    flushers.runAll();

    writeback.wrote(STEP - 1);
    assertThat(flushers.held).isEmpty();
    writeback.wrote(1);
    assertThat(flushers.held).hasSize(1);
  }

  @Test
  void aFailedFlushIsIgnoredAndTheNextStepFlushesAgain() {
    AtomicInteger attempts = new AtomicInteger();
    EarlyWriteback failing =
        new EarlyWriteback(
            STEP,
            flushers,
            () -> {
              attempts.incrementAndGet();
              throw new IOException("channel closed");
            });

    failing.wrote(STEP);
    flushers.runAll();
    failing.wrote(STEP);
    flushers.runAll();

    assertThat(attempts).hasValue(2);
  }

  @Test
  void aRejectedFlushLeavesNothingPending() {
    AtomicInteger offered = new AtomicInteger();
    EarlyWriteback rejected =
        new EarlyWriteback(
            STEP,
            task -> {
              offered.incrementAndGet();
              throw new RejectedExecutionException("shut down");
            },
            flushes::incrementAndGet);

    rejected.wrote(STEP);
    rejected.wrote(STEP);

    assertThat(offered).as("each step tried again").hasValue(2);
    assertThat(flushes).hasValue(0);
  }

  @Test
  void rejectsANonPositiveStep() {
    assertThatThrownBy(() -> new EarlyWriteback(0, flushers, flushes::incrementAndGet))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
