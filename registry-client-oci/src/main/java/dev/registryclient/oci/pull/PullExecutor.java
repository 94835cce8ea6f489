package dev.registryclient.oci.pull;

import dev.registryclient.api.Digest;
import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.api.exception.StoreException;
import dev.registryclient.api.store.BlobStore;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads a list of blobs with at most {@code parallelism} at once on the client's workers. The
 * first failure ends the scope, which closes every other open transfer; the caller then gets that
 * first failure, after every worker has stopped (so no partial blob is still being written).
 */
final class PullExecutor {
  private final ExecutorService workers;
  private final InFlightBlobs inFlight;

  PullExecutor(ExecutorService workers, InFlightBlobs inFlight) {
    this.workers = workers;
    this.inFlight = inFlight;
  }

  /**
   * Runs every task; returns the outcome per digest.
   *
   * @param deadlineNanos a {@link System#nanoTime()} value after which the scope is cancelled
   */
  Map<Digest, PulledBlob> run(
      List<BlobTask> tasks,
      int parallelism,
      BlobDownloader downloader,
      BlobStore store,
      PullEvents events,
      TransferScope scope,
      long deadlineNanos) {
    Map<Digest, PulledBlob> done = new ConcurrentHashMap<>();
    Queue<BlobTask> queue = new ConcurrentLinkedQueue<>(tasks);
    int workerCount = Math.min(parallelism, tasks.size());
    // connections beyond one per worker, for segmented downloads of large blobs
    SpareConnections spare = new SpareConnections(parallelism - workerCount);
    WorkerGroup group = new WorkerGroup(workerCount);
    for (int i = 0; i < workerCount; i++) {
      group.start(
          workers, () -> drain(queue, downloader, store, events, scope, done, spare), scope);
    }
    try {
      group.awaitUntil(deadlineNanos, scope);
    } finally {
      if (scope.ended()) {
        group.stop();
      }
    }
    scope.check();
    return done;
  }

  private void drain(
      Queue<BlobTask> queue,
      BlobDownloader downloader,
      BlobStore store,
      PullEvents events,
      TransferScope scope,
      Map<Digest, PulledBlob> done,
      SpareConnections spare) {
    try {
      for (BlobTask task = queue.poll(); task != null && !scope.ended(); task = queue.poll()) {
        done.put(task.digest(), fetchOnce(task, downloader, store, events, scope, spare));
      }
    } catch (RegistryException e) {
      scope.fail(e);
    } catch (RuntimeException e) {
      scope.fail(new StoreException(ErrorContext.of(Phase.BLOB), "unexpected failure: " + e, e));
    } finally {
      spare.give(1); // this worker's connection, for the segments of blobs still running
    }
  }

  /** Downloads {@code task} unless another pull of this client is already fetching it. */
  private PulledBlob fetchOnce(
      BlobTask task,
      BlobDownloader downloader,
      BlobStore store,
      PullEvents events,
      TransferScope scope,
      SpareConnections spare) {
    while (true) {
      CompletableFuture<Void> mine = new CompletableFuture<>();
      CompletableFuture<Void> other = inFlight.claim(store, task.digest(), mine);
      if (other == null) {
        Throwable failure = null;
        try {
          if (store.exists(task.digest())) {
            // a pull of this client committed it between our plan and our claim
            return skipped(task, store, events);
          }
          return downloader.download(task, scope, spare);
        } catch (RuntimeException e) {
          failure = e;
          throw e;
        } finally {
          inFlight.release(store, task.digest(), mine, failure);
        }
      }
      if (waitFor(other, scope)) {
        return skipped(task, store, events);
      }
      // the other download failed; try ourselves
    }
  }

  private static PulledBlob skipped(BlobTask task, BlobStore store, PullEvents events) {
    long size = store.size(task.digest()).orElse(Math.max(0, task.size()));
    events.emit(new PullEvent.BlobSkipped(task.digest(), size));
    return PulledBlob.skipped(task.digest(), size);
  }

  /** Waits for another pull's download; true if it succeeded. */
  private static boolean waitFor(CompletableFuture<Void> other, TransferScope scope) {
    while (true) {
      scope.check();
      try {
        other.get(100, TimeUnit.MILLISECONDS);
        return true;
      } catch (TimeoutException e) {
        // look at the scope again
      } catch (ExecutionException | CancellationException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        scope.cancel("interrupted");
      }
    }
  }
}
