package dev.registryclient.oci.pull;

import dev.registryclient.api.Digest;
import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetches one blob into the store: response body, through one 64 KiB buffer, into a {@link
 * BlobWriter}, which checks size and digest before the blob becomes visible (the {@link BlobStore}
 * contract), so each byte is hashed once. A failure or cancellation closes the writer uncommitted:
 * nothing partial is ever visible. The registry source resumes a cut body with {@code Range} on its
 * own, so the writer keeps appending to one continuous stream; when it gives up, the blob is
 * started again from byte 0 with a new writer, a bounded number of times. Content and HTTP errors
 * are not retried.
 */
final class BlobDownloader {
  static final int BUFFER_SIZE = 64 * 1024;

  private final ImageSource source;
  private final BlobStore store;
  private final PullEvents events;
  private final int maxAttempts;
  private final ErrorContext context;

  BlobDownloader(
      ImageSource source,
      BlobStore store,
      PullEvents events,
      int maxAttempts,
      ErrorContext context) {
    this.source = source;
    this.store = store;
    this.events = events;
    this.maxAttempts = maxAttempts;
    this.context = context;
  }

  /**
   * Downloads {@code task}, starting again on I/O failures; throws the pull's outcome once it
   * ended. Retries the transport made on its own count too.
   */
  PulledBlob download(BlobTask task, PullScope scope) {
    long start = System.nanoTime();
    byte[] buffer = new byte[BUFFER_SIZE];
    int retries = 0;
    events.emit(new PullEvent.BlobStarted(task.digest(), task.size()));
    for (int attempt = 1; ; attempt++) {
      scope.check();
      Transfer transfer = new Transfer(task);
      try {
        transfer.run(scope, buffer);
        events.emit(new PullEvent.BlobDone(task.digest(), transfer.size, transfer.host));
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        retries += transfer.transportRetries;
        return new PulledBlob(
            task.digest(), transfer.size, Optional.of(transfer.host), time, retries);
      } catch (TransportException e) {
        scope.check(); // a cancellation closed the stream: report that, not the I/O error
        if (attempt >= maxAttempts) {
          throw e;
        }
        retries += transfer.transportRetries + 1;
        if (events.enabled()) {
          events.emit(
              new PullEvent.BlobProgress(task.digest(), -transfer.received, 0, task.size()));
          events.emit(new PullEvent.Retrying(task.digest(), attempt + 1, e.getMessage()));
        }
      } catch (RegistryException e) {
        scope.check();
        throw e;
      }
    }
  }

  /** One attempt. */
  private final class Transfer {
    private final BlobTask task;
    private String host = source.registry();
    private long size;
    private long received;
    private int transportRetries;

    Transfer(BlobTask task) {
      this.task = task;
    }

    void run(PullScope scope, byte[] buffer) {
      Digest digest = task.digest();
      // registering lets a cancelled pull close the stream from another thread
      try (BlobStream stream = source.openBlob(digest, task.size());
          Closeable unregister = scope.register(stream)) {
        Objects.requireNonNull(unregister, "scope registration");
        host = stream.host();
        transportRetries = stream.retries().size();
        for (int i = 0; i < transportRetries; i++) {
          events.emit(new PullEvent.Retrying(digest, i + 2, stream.retries().get(i)));
        }
        if (stream.redirected()) {
          events.emit(new PullEvent.Redirected(digest, host));
        }
        size = task.size() >= 0 ? task.size() : sizeFromHeader(stream);
        try (BlobWriter writer = store.writer(digest, size)) {
          copy(stream.body(), writer, buffer, scope);
          writer.commit();
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

    private void copy(InputStream in, BlobWriter writer, byte[] buffer, PullScope scope)
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
