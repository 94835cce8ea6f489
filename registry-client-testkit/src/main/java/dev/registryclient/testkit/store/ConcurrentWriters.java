package dev.registryclient.testkit.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

/**
 * Runs tasks on separate threads that all start at the same moment, to make races likely, and
 * rethrows the first failure. A generous timeout keeps a deadlocked store from hanging the build.
 */
public final class ConcurrentWriters {
  private static final long TIMEOUT_SECONDS = 120;

  private ConcurrentWriters() {}

  /**
   * Runs {@code task.accept(i)} for {@code i} in {@code [0, threads)}, all at once.
   *
   * @param threads how many threads, and so how many calls of {@code task}
   * @param task the work of one thread, given its index
   * @throws IllegalStateException if the tasks do not finish within 120 seconds or the wait is
   *     interrupted; a task's own {@link RuntimeException} or {@link Error} is rethrown as it is
   */
  public static void run(int threads, IntConsumer task) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  task.accept(index);
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        await(future);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(Future<?> future) {
    try {
      future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for writers", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("writers did not finish within " + TIMEOUT_SECONDS + " s", e);
    }
  }
}
