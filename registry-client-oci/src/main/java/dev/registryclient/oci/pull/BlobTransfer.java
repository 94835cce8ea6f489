package dev.registryclient.oci.pull;

import dev.registryclient.api.Digest;
import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.config.Source;
import dev.registryclient.core.transport.RetryEvent;
import dev.registryclient.core.transport.RetryListener;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one blob's transfer did, as it runs on one thread (one stream) or several (segments): the
 * bytes received, the retries the source reported (each becomes a {@link PullEvent.Retrying} or
 * {@link PullEvent.Resumed}), and where the bytes came from.
 */
final class BlobTransfer implements RetryListener {
  private final BlobTask task;
  private final PullEvents events;
  private final AtomicInteger retries = new AtomicInteger();
  private final AtomicLong received = new AtomicLong();
  private volatile String host;
  private volatile Optional<Source> source = Optional.empty();
  private volatile long size;

  BlobTransfer(BlobTask task, PullEvents events, String registry) {
    this.task = task;
    this.events = events;
    this.host = registry;
    this.size = task.size();
  }

  @Override
  public void onRetry(RetryEvent event) {
    retries.incrementAndGet();
    Digest digest = task.digest();
    if (event.kind() == RetryEvent.Kind.RESUME) {
      events.emit(new PullEvent.Resumed(digest, received.get(), event.attempt(), event.reason()));
    } else {
      events.emit(new PullEvent.Retrying(digest, event.attempt(), event.reason()));
    }
  }

  /** Notes the first stream of the blob: its host, its source, and a redirect if there was one. */
  void opened(BlobStream stream) {
    host = stream.host();
    source = stream.source();
    if (stream.redirected()) {
      events.emit(new PullEvent.Redirected(task.digest(), host));
    }
  }

  /** Counts {@code n} bytes received and reports progress. */
  void received(int n) {
    long total = received.addAndGet(n);
    if (n > 0 && events.enabled()) {
      events.emit(new PullEvent.BlobProgress(task.digest(), n, total, size));
    }
  }

  void size(long bytes) {
    size = bytes;
  }

  BlobTask task() {
    return task;
  }

  long size() {
    return size;
  }

  long receivedBytes() {
    return received.get();
  }

  int retries() {
    return retries.get();
  }

  String host() {
    return host;
  }

  Optional<Source> source() {
    return source;
  }
}
