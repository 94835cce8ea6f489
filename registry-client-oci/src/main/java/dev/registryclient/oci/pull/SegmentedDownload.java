package dev.registryclient.oci.pull;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.DiffIdMismatchException;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.api.exception.StoreException;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.api.store.PositionalBlobWriter;
import dev.registryclient.api.store.PositionalWrites;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One blob fetched as consecutive byte ranges on several connections at once, each written at its
 * offset into a {@link PositionalBlobWriter}, which hashes the contiguous prefix as it grows and
 * verifies size and digest before the blob becomes visible. The first range is asked for on the
 * calling thread: if the server answers it with the whole blob, nothing is written and {@link #run}
 * returns false, so the caller reads the blob as one stream. Otherwise the other connections start
 * on the pull's workers, and every connection takes the next range in order until none is left.
 * Each range asks the registry (so a CDN redirect yields a fresh signed URL) and resumes on its own
 * within its retry budget ({@link ImageSource#openBlobRange}). The first failure of any range
 * closes the others; the writer is then closed uncommitted, so nothing is visible.
 *
 * <p>Memory: one 256 KiB buffer per connection, plus the writer's read-back buffer.
 */
final class SegmentedDownload {
  private static final int BUFFER_SIZE = 256 * 1024;
  private static final long NO_DEADLINE = Long.MAX_VALUE / 4;

  private final ImageSource source;
  private final PositionalWrites store;
  private final ExecutorService workers;
  private final ErrorContext context;
  private final long segmentSize;

  SegmentedDownload(
      ImageSource source,
      PositionalWrites store,
      ExecutorService workers,
      ErrorContext context,
      long segmentSize) {
    this.source = source;
    this.store = store;
    this.workers = workers;
    this.context = context;
    this.segmentSize = segmentSize;
  }

  /**
   * Downloads and commits the blob on up to {@code connections} connections; false, with nothing
   * written, if the server does not serve ranges.
   *
   * @param hook may wrap the blob's writer; the wrapper sees every byte once, in order ({@link
   *     HookedPositionalWriter}), and its commit runs after the blob's own verification
   * @throws RegistryException the first failure of any range, or the pull's outcome if it ended
   */
  boolean run(BlobTransfer transfer, int connections, TransferScope scope, BlobWriterHook hook) {
    Digest digest = transfer.task().digest();
    long size = transfer.task().size();
    int count = (int) -Math.floorDiv(-size, segmentSize);
    Optional<BlobStream> first =
        source.openBlobRange(digest, size, 0, Math.min(size, segmentSize), transfer);
    if (first.isEmpty()) {
      return false;
    }
    transfer.opened(first.get());
    transfer.size(size);
    // the blob's own scope: a failing range ends it and closes the others; the pull ending ends it
    ErrorContext hostContext = context.withContactedHost(transfer.host());
    TransferScope blob = new TransferScope(hostContext);
    HookedPositionalWriter hooked = new HookedPositionalWriter();
    try (BlobStream firstStream = first.get();
        PositionalBlobWriter writer = store.writer(digest, size, hooked);
        BlobWriter committer = hooked.wrappedBy(hook, transfer.task(), writer, hostContext);
        Closeable link = scope.register(() -> blob.cancel("the pull ended"))) {
      Ranges ranges = new Ranges(transfer, writer, blob, count);
      int helpers = Math.min(connections, count) - 1;
      WorkerGroup group = new WorkerGroup(helpers);
      for (int i = 0; i < helpers; i++) {
        group.start(workers, ranges::drain, blob);
      }
      ranges.fetch(0, firstStream, new byte[BUFFER_SIZE]);
      ranges.drain();
      group.awaitUntil(System.nanoTime() + NO_DEADLINE, blob);
      if (blob.ended()) {
        group.stop();
      }
      scope.check();
      blob.check();
      committer.commit();
    } catch (DiffIdMismatchException e) {
      throw e; // already names the layer, the image and the host
    } catch (DigestMismatchException e) {
      scope.check();
      throw new DigestMismatchException(hostContext, "blob " + digest, e.expected(), e.actual());
    } catch (IOException e) {
      throw new TransportException(hostContext, "closing blob " + digest + ": " + e, e);
    }
    return true;
  }

  /** The ranges of one blob, handed out in order to whichever connection is free. */
  private final class Ranges {
    private final BlobTransfer transfer;
    private final PositionalBlobWriter writer;
    private final TransferScope blob;
    private final int count;
    private final AtomicInteger next = new AtomicInteger(1); // range 0 is opened by run()

    Ranges(BlobTransfer transfer, PositionalBlobWriter writer, TransferScope blob, int count) {
      this.transfer = transfer;
      this.writer = writer;
      this.blob = blob;
      this.count = count;
    }

    /** Fetches ranges until none is left or the blob failed. */
    void drain() {
      byte[] buffer = new byte[BUFFER_SIZE];
      for (int i = next.getAndIncrement(); i < count && !blob.ended(); i = next.getAndIncrement()) {
        fetch(i, null, buffer);
      }
    }

    /** Fetches range {@code i} on {@code opened}, or on a new stream; failures end the blob. */
    void fetch(int i, BlobStream opened, byte[] buffer) {
      long size = transfer.task().size();
      long from = i * segmentSize;
      long to = Math.min(size, from + segmentSize);
      Digest digest = transfer.task().digest();
      long at = from;
      try {
        BlobStream stream = opened != null ? opened : open(digest, size, from, to);
        try (stream;
            Closeable unregister = blob.register(stream)) {
          InputStream in = stream.body();
          for (int n = in.readNBytes(buffer, 0, buffer.length);
              n > 0;
              n = in.readNBytes(buffer, 0, buffer.length)) {
            blob.check();
            writer.write(at, buffer, 0, n);
            at += n;
            transfer.received(n);
          }
        }
        if (at != to) {
          throw new IOException("range ended at byte " + at + ", expected " + to);
        }
      } catch (RegistryException e) {
        blob.fail(e);
      } catch (IOException e) {
        blob.fail(
            new TransportException(
                context.withContactedHost(transfer.host()),
                "reading bytes "
                    + from
                    + "-"
                    + (to - 1)
                    + " of blob "
                    + digest
                    + " failed after "
                    + (at - from)
                    + " bytes: "
                    + e,
                e));
      } catch (RuntimeException e) {
        blob.fail(
            new StoreException(
                context,
                "writing bytes " + from + "-" + (to - 1) + " of blob " + digest + ": " + e,
                e));
      }
    }

    private BlobStream open(Digest digest, long size, long from, long to) {
      return source
          .openBlobRange(digest, size, from, to, transfer)
          .orElseThrow(
              () ->
                  new InvalidContentException(
                      context.withContactedHost(transfer.host()),
                      "the server answered the first range of blob "
                          + digest
                          + " but bytes "
                          + from
                          + "-"
                          + (to - 1)
                          + " with the whole blob"));
    }
  }
}
