package dev.registryclient.oci.pull;

import dev.registryclient.api.exception.CancelledException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The workers of one pull stage: started on the client's executor, awaited with the pull's
 * deadline, and on cancellation interrupted and awaited until each has left its task, so nothing of
 * the pull is still writing when the caller hears about the failure.
 */
public final class WorkerGroup {
  /** How long a stopped worker may take to leave; its streams are already closed. */
  private static final long STOP_GRACE_SECONDS = 30;

  private final CountDownLatch finished;
  private final Set<Thread> threads = new HashSet<>();
  private volatile boolean stopping;

  public WorkerGroup(int size) {
    this.finished = new CountDownLatch(size);
  }

  public void start(ExecutorService executor, Runnable work, TransferScope scope) {
    try {
      executor.execute(
          () -> {
            Thread me = Thread.currentThread();
            synchronized (threads) {
              threads.add(me);
            }
            try {
              if (!stopping) {
                work.run();
              }
            } finally {
              synchronized (threads) {
                threads.remove(me);
                Thread.interrupted(); // do not hand a stale interrupt to the pool's next task
              }
              finished.countDown();
            }
          });
    } catch (RejectedExecutionException e) {
      finished.countDown();
      scope.fail(new CancelledException(scope.context(), "the client is closed", e));
    }
  }

  /** Waits for every worker, cancelling the scope at the deadline or on interrupt. */
  public void awaitUntil(long deadlineNanos, TransferScope scope) {
    try {
      while (true) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          scope.deadlinePassed();
          return;
        }
        if (finished.await(left, TimeUnit.NANOSECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      scope.cancel("interrupted");
    }
  }

  /** Interrupts the workers and waits until they have left their tasks. */
  public void stop() {
    stopping = true;
    synchronized (threads) {
      threads.forEach(Thread::interrupt);
    }
    boolean interrupted = Thread.interrupted();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_GRACE_SECONDS);
    try {
      while (finished.getCount() > 0 && until - System.nanoTime() > 0) {
        try {
          finished.await(until - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
