package dev.registryclient.core.store.internal;

import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts writing a staged blob to the device while its download goes on, so that the fsync before
 * the blob is published finds most of its pages already written.
 *
 * <p>Why: Linux keeps written pages dirty until 10% of memory is dirty or 30 s have passed, so
 * without this the fsync at commit writes the whole blob after its last byte arrived, on the pull's
 * critical path (0.3-0.4 s for 512 MiB on the machine of {@code benchmarks/README.md}). Every
 * {@code step} bytes, one {@code fdatasync} runs on a background thread instead, overlapping the
 * device's work with the transfer. At most one per file is pending, so a slow device only makes the
 * early flushes fewer, never queues them up. The guarantee is unchanged: an early flush that fails
 * is ignored, and the fsync at commit still decides whether the blob is durable before it becomes
 * visible.
 */
public final class EarlyWriteback {
  /** Bytes written between two early flushes of one file. */
  public static final long STEP = 16L * 1024 * 1024;

  /** Flushes a file's written bytes to the device. */
  @FunctionalInterface
  public interface Flush {
    /**
     * Flushes.
     *
     * @throws IOException if the device or the file failed; ignored here
     */
    void run() throws IOException;
  }

  private static final EarlyWriteback NONE =
      new EarlyWriteback(Long.MAX_VALUE, Runnable::run, null);

  private final long step;
  private final Executor flushers;
  private final Flush flush;
  private final AtomicLong unflushed = new AtomicLong();
  private final AtomicBoolean pending = new AtomicBoolean();

  /**
   * @param step bytes written between two flushes, positive
   * @param flushers runs the flushes
   * @param flush flushes the file
   */
  EarlyWriteback(long step, Executor flushers, Flush flush) {
    if (step < 1) {
      throw new IllegalArgumentException("step must be positive: " + step);
    }
    this.step = step;
    this.flushers = flushers;
    this.flush = flush;
  }

  /**
   * Early writeback of one file every {@link #STEP} bytes, on the shared flusher threads.
   *
   * @param flush flushes the file's data (not its metadata: the fsync at commit does that)
   * @return the file's writeback
   */
  public static EarlyWriteback of(Flush flush) {
    return new EarlyWriteback(STEP, Flushers.POOL, flush);
  }

  /**
   * No early writeback, for stores that do not sync at all.
   *
   * @return a writeback that never flushes
   */
  public static EarlyWriteback none() {
    return NONE;
  }

  /**
   * Counts {@code bytes} just written, from any thread, and starts a flush in the background when a
   * step's worth has been written since the last one started and none is pending.
   *
   * @param bytes how many bytes were written
   */
  public void wrote(long bytes) {
    if (flush == null || unflushed.addAndGet(bytes) < step || !pending.compareAndSet(false, true)) {
      return;
    }
    unflushed.set(0); // the flush covers everything written so far
    try {
      flushers.execute(this::flushNow);
    } catch (RejectedExecutionException e) {
      pending.set(false); // only an early start: the commit's fsync still writes everything
    }
  }

  private void flushNow() {
    try {
      flush.run();
    } catch (IOException e) {
      // a closed file (the blob was aborted or already committed) or a device error: the fsync at
      // commit reports the latter
    } finally {
      pending.set(false);
    }
  }

  /**
   * The background threads: as many as a pull usually writes blobs at once, daemons (an early flush
   * never keeps the JVM alive) that end after a few idle seconds. The queue is bounded in practice
   * by one pending flush per open staging file.
   */
  private static final class Flushers {
    private static final int THREADS = 4;
    static final ThreadPoolExecutor POOL =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            5,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread = new Thread(task, "registry-client-writeback");
              thread.setDaemon(true);
              return thread;
            });

    static {
      POOL.allowCoreThreadTimeOut(true);
    }

    private Flushers() {}
  }
}
