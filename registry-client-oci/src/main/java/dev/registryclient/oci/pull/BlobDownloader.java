package dev.registryclient.oci.pull;

import dev.registryclient.api.Digest;
import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.exception.DiffIdMismatchException;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.api.store.PositionalWrites;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Fetches one blob into the store: response body, through one 64 KiB buffer, into a {@link
 * BlobWriter}, which checks size and digest before the blob becomes visible (the {@link BlobStore}
 * contract), so each byte is hashed once. A failure or cancellation closes the writer uncommitted:
 * nothing partial is ever visible.
 *
 * <p>There is exactly one transfer per blob. Retries, {@code Range} resumes and signed-URL
 * refreshes happen below, in the source, within the transport's one retry budget for the blob; this
 * class never starts a blob again on top of them (that multiplied the attempts and the time to
 * fail). It reports what the source did: each retry becomes a {@link PullEvent.Retrying} or {@link
 * PullEvent.Resumed} and counts in {@link PulledBlob#retries()}.
 *
 * <p>A large blob, when the pull has connections to spare and the store takes positional writes, is
 * fetched as several byte ranges at once instead ({@link SegmentedDownload}, {@link Segmentation});
 * a server that does not serve ranges gets the one stream after all.
 */
final class BlobDownloader {
  static final int BUFFER_SIZE = 64 * 1024;

  private final ImageSource source;
  private final BlobStore store;
  private final PullEvents events;
  private final ErrorContext context;
  private final Segmentation segmentation;
  private final ExecutorService workers;
  private final BlobWriterHook hook;

  /** A downloader that fetches every blob as one stream. */
  BlobDownloader(ImageSource source, BlobStore store, PullEvents events, ErrorContext context) {
    this(source, store, events, context, Segmentation.OFF, null, BlobWriterHook.NONE);
  }

  /**
   * @param workers runs the extra segments of a segmented download
   * @param hook may wrap each blob's writer; a segmented download hands the wrapper the bytes in
   *     order ({@link HookedPositionalWriter})
   */
  BlobDownloader(
      ImageSource source,
      BlobStore store,
      PullEvents events,
      ErrorContext context,
      Segmentation segmentation,
      ExecutorService workers,
      BlobWriterHook hook) {
    this.source = source;
    this.store = store;
    this.events = events;
    this.context = context;
    this.segmentation = segmentation;
    this.workers = workers;
    this.hook = hook;
  }

  /** This downloader with its writers wrapped by {@code other} instead (to check more). */
  BlobDownloader withHook(BlobWriterHook other) {
    return new BlobDownloader(source, store, events, context, segmentation, workers, other);
  }

  /** Downloads {@code task} as one stream; throws the pull's outcome once it ended. */
  PulledBlob download(BlobTask task, TransferScope scope) {
    return download(task, scope, SpareConnections.none());
  }

  /**
   * Downloads {@code task}, in segments on connections taken from {@code spare} when it is large
   * enough; throws the pull's outcome once it ended.
   */
  PulledBlob download(BlobTask task, TransferScope scope, SpareConnections spare) {
    long start = System.nanoTime();
    events.emit(new PullEvent.BlobStarted(task.digest(), task.size()));
    BlobTransfer transfer = new BlobTransfer(task, events, source.registry());
    try {
      if (!segmented(transfer, scope, spare)) {
        run(transfer, scope, new byte[BUFFER_SIZE]);
      }
    } catch (RuntimeException e) {
      scope.check(); // a cancellation closed the stream: report that, not the I/O error
      throw e;
    }
    events.emit(new PullEvent.BlobDone(task.digest(), transfer.size(), transfer.host()));
    Duration time = Duration.ofNanos(System.nanoTime() - start);
    return new PulledBlob(
        task.digest(),
        transfer.size(),
        Optional.of(transfer.host()),
        time,
        transfer.retries(),
        transfer.source());
  }

  /** Downloads in segments if worth it and possible; false if the blob still needs fetching. */
  private boolean segmented(BlobTransfer transfer, TransferScope scope, SpareConnections spare) {
    long size = transfer.task().size();
    int useful = segmentation.usefulConnections(size);
    if (useful < 2 || workers == null) {
      return false;
    }
    Optional<PositionalWrites> positional = store.capability(PositionalWrites.class);
    if (positional.isEmpty()) {
      return false;
    }
    int extra = spare.take(useful - 1);
    try {
      if (extra == 0) {
        return false;
      }
      int connections = 1 + extra;
      return new SegmentedDownload(
              source,
              positional.get(),
              workers,
              context,
              segmentation.segmentSize(size, connections))
          .run(transfer, connections, scope, hook);
    } finally {
      spare.give(extra);
    }
  }

  private void run(BlobTransfer transfer, TransferScope scope, byte[] buffer) {
    Digest digest = transfer.task().digest();
    // registering lets a cancelled pull close the stream from another thread
    try (BlobStream stream = source.openBlob(digest, transfer.task().size(), transfer);
        Closeable unregister = scope.register(stream)) {
      Objects.requireNonNull(unregister, "scope registration");
      transfer.opened(stream);
      long size =
          transfer.task().size() >= 0 ? transfer.task().size() : sizeFromHeader(stream, digest);
      transfer.size(size);
      try (BlobWriter writer =
          hook.wrap(transfer.task(), store.writer(digest, size), hostContext(transfer))) {
        copy(stream.body(), writer, buffer, scope, transfer);
        writer.commit();
      } catch (DiffIdMismatchException e) {
        throw e; // already names the layer, the image and the host
      } catch (DigestMismatchException e) {
        throw new DigestMismatchException(
            hostContext(transfer), "blob " + digest, e.expected(), e.actual());
      }
    } catch (IOException e) {
      throw new TransportException(
          hostContext(transfer),
          "reading blob " + digest + " failed after " + transfer.receivedBytes() + " bytes: " + e,
          e);
    }
  }

  private static void copy(
      InputStream in, BlobWriter writer, byte[] buffer, TransferScope scope, BlobTransfer transfer)
      throws IOException {
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      scope.check();
      writer.write(buffer, 0, n);
      transfer.received(n);
    }
  }

  private long sizeFromHeader(BlobStream stream, Digest digest) {
    return stream
        .contentLength()
        .orElseThrow(
            () ->
                new InvalidContentException(
                    context.withContactedHost(stream.host()),
                    "blob "
                        + digest
                        + " has no size in its manifest (schema 1) and the response has no"
                        + " Content-Length"));
  }

  private ErrorContext hostContext(BlobTransfer transfer) {
    return context.withContactedHost(transfer.host());
  }
}
