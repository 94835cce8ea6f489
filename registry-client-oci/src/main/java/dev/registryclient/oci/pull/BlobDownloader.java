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
import dev.registryclient.core.transport.RetryEvent;
import dev.registryclient.core.transport.RetryListener;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

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
 */
final class BlobDownloader {
  static final int BUFFER_SIZE = 64 * 1024;

  private final ImageSource source;
  private final BlobStore store;
  private final PullEvents events;
  private final ErrorContext context;
  private final BlobWriterHook hook;

  BlobDownloader(ImageSource source, BlobStore store, PullEvents events, ErrorContext context) {
    this(source, store, events, context, BlobWriterHook.NONE);
  }

  /** A downloader whose writers {@code hook} may wrap (to check more than the blob's digest). */
  BlobDownloader(
      ImageSource source,
      BlobStore store,
      PullEvents events,
      ErrorContext context,
      BlobWriterHook hook) {
    this.source = source;
    this.store = store;
    this.events = events;
    this.context = context;
    this.hook = hook;
  }

  /** Downloads {@code task}; throws the pull's outcome once it ended. */
  PulledBlob download(BlobTask task, TransferScope scope) {
    long start = System.nanoTime();
    events.emit(new PullEvent.BlobStarted(task.digest(), task.size()));
    Transfer transfer = new Transfer(task);
    try {
      transfer.run(scope, new byte[BUFFER_SIZE]);
    } catch (RuntimeException e) {
      scope.check(); // a cancellation closed the stream: report that, not the I/O error
      throw e;
    }
    events.emit(new PullEvent.BlobDone(task.digest(), transfer.size, transfer.host));
    Duration time = Duration.ofNanos(System.nanoTime() - start);
    return new PulledBlob(
        task.digest(),
        transfer.size,
        Optional.of(transfer.host),
        time,
        transfer.retries.get(),
        transfer.source);
  }

  /** The one transfer of a blob, and what the source reported while it ran. */
  private final class Transfer implements RetryListener {
    private final BlobTask task;
    private final AtomicInteger retries = new AtomicInteger();
    private String host = BlobDownloader.this.source.registry();
    private Optional<dev.registryclient.api.config.Source> source = Optional.empty();
    private long size;
    private long received;

    Transfer(BlobTask task) {
      this.task = task;
    }

    @Override
    public void onRetry(RetryEvent event) {
      retries.incrementAndGet();
      Digest digest = task.digest();
      if (event.kind() == RetryEvent.Kind.RESUME) {
        events.emit(new PullEvent.Resumed(digest, received, event.attempt(), event.reason()));
      } else {
        events.emit(new PullEvent.Retrying(digest, event.attempt(), event.reason()));
      }
    }

    void run(TransferScope scope, byte[] buffer) {
      Digest digest = task.digest();
      // registering lets a cancelled pull close the stream from another thread
      try (BlobStream stream = BlobDownloader.this.source.openBlob(digest, task.size(), this);
          Closeable unregister = scope.register(stream)) {
        Objects.requireNonNull(unregister, "scope registration");
        host = stream.host();
        source = stream.source();
        if (stream.redirected()) {
          events.emit(new PullEvent.Redirected(digest, host));
        }
        size = task.size() >= 0 ? task.size() : sizeFromHeader(stream);
        try (BlobWriter writer = hook.wrap(task, store.writer(digest, size), hostContext())) {
          copy(stream.body(), writer, buffer, scope);
          writer.commit();
        } catch (DiffIdMismatchException e) {
          throw e; // already names the layer, the image and the host
        } catch (DigestMismatchException e) {
          throw new DigestMismatchException(
              hostContext(), "blob " + digest, e.expected(), e.actual());
        }
      } catch (IOException e) {
        throw new TransportException(
            hostContext(),
            "reading blob " + digest + " failed after " + received + " bytes: " + e,
            e);
      }
    }

    private void copy(InputStream in, BlobWriter writer, byte[] buffer, TransferScope scope)
        throws IOException {
      boolean report = events.enabled();
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        scope.check();
        writer.write(buffer, 0, n);
        received += n;
        if (report && n > 0) {
          events.emit(new PullEvent.BlobProgress(task.digest(), n, received, size));
        }
      }
    }

    private long sizeFromHeader(BlobStream stream) {
      return stream
          .contentLength()
          .orElseThrow(
              () ->
                  new InvalidContentException(
                      hostContext(),
                      "blob "
                          + task.digest()
                          + " has no size in its manifest (schema 1) and the response has no"
                          + " Content-Length"));
    }

    private ErrorContext hostContext() {
      return context.withContactedHost(host);
    }
  }
}
