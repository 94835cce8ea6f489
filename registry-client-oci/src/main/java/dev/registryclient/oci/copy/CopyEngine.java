package dev.registryclient.oci.copy;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.CopiedBlob;
import dev.registryclient.api.client.CopyEvent;
import dev.registryclient.api.client.CopyListener;
import dev.registryclient.api.client.CopyResult;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.core.transport.RetryEvent;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.manifest.ManifestCodec;
import dev.registryclient.oci.pull.TransferScope;
import dev.registryclient.oci.pull.WorkerGroup;
import dev.registryclient.oci.push.BlobContent;
import dev.registryclient.oci.push.BlobUploader;
import dev.registryclient.oci.push.ManifestPusher;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies one image into a repository of a registry: decide what to write ({@link CopySelection}),
 * send the blobs the target lacks in parallel (mounting within one registry), then write the
 * manifests, children first and the one the target reference names last. Nothing is written under
 * the target reference unless every blob is at the target, so a failed or cancelled copy leaves no
 * tag behind.
 *
 * <pre>{@code
 * CopyResult r = engine.copy(source, target, new CopyEngine.Options(platforms, listener,
 *     Optional.empty(), 4), scope);
 * }</pre>
 */
public final class CopyEngine {
  private static final long NO_DEADLINE = Long.MAX_VALUE / 4;

  private final ExecutorService workers;
  private final ManifestCodec codec;
  private final BlobLocations locations;

  /**
   * An engine sending blobs on {@code workers}, remembering blob locations in {@code locations}.
   */
  public CopyEngine(ExecutorService workers, ManifestCodec codec, BlobLocations locations) {
    this.workers = workers;
    this.codec = codec;
    this.locations = locations;
  }

  /**
   * Where a copy writes.
   *
   * @param reference the target reference: its tag (or digest) names the top manifest
   * @param origin the registry's API origin, {@code scheme://host:port}
   * @param transport the transport to it
   * @param uploader sends blobs to it
   * @param pusher writes manifests to it
   */
  public record Target(
      ImageReference reference,
      String origin,
      Transport transport,
      BlobUploader uploader,
      ManifestPusher pusher) {}

  /**
   * How one copy runs.
   *
   * @param platforms which images of an index to take
   * @param listener progress events
   * @param deadline how long the whole copy may take, if limited
   * @param parallelism blobs sent at once
   */
  public record Options(
      CopySelection.Platforms platforms,
      CopyListener listener,
      Optional<Duration> deadline,
      int parallelism) {}

  /** Copies {@code source} to {@code target}; throws the first failure. */
  public CopyResult copy(CopySource source, Target target, Options options, TransferScope scope) {
    long start = System.nanoTime();
    long deadline = start + options.deadline().map(Duration::toNanos).orElse(NO_DEADLINE);
    options.deadline().ifPresent(d -> scope.timeLimit(d, start));
    Events events = new Events(options.listener());
    ImageReference ref = target.reference();
    ErrorContext context = ErrorContext.of(Phase.MANIFEST, ref.registry(), ref.repository());

    CopySelection selection = CopySelection.of(source, options.platforms(), codec, context);
    ref.digest()
        .filter(d -> !d.equals(selection.top().digest()))
        .ifPresent(
            d -> {
              throw new InvalidContentException(
                  context,
                  "cannot write manifest "
                      + selection.top().digest()
                      + " under the digest reference "
                      + ref);
            });
    events.emit(
        new CopyEvent.Resolved(
            source.name(), ref, selection.sourceTop(), selection.blobs().size()));
    scope.checkpoint(deadline);

    Map<Digest, CopiedBlob> outcomes =
        sendBlobs(source, target, selection, options, events, scope, deadline);
    scope.checkpoint(deadline);

    Descriptor written = null;
    List<Manifest> manifests = new ArrayList<>(selection.children());
    manifests.add(selection.top());
    for (Manifest m : manifests) {
      scope.checkpoint(deadline);
      boolean last = m == selection.top();
      String reference =
          last ? ref.digest().map(Digest::toString).orElse(ref.reference()) : m.digest().toString();
      written =
          target
              .pusher()
              .push(ref.repository(), reference, m, target.transport().newRetryBudget(e -> {}));
      events.emit(new CopyEvent.ManifestPushed(at(ref, reference), written));
    }
    List<CopiedBlob> blobs = new ArrayList<>();
    selection.blobs().keySet().forEach(d -> blobs.add(outcomes.get(d)));
    CopyResult result =
        new CopyResult(
            source.name(),
            ref,
            selection.sourceTop(),
            written,
            blobs,
            Duration.ofNanos(System.nanoTime() - start));
    events.emit(new CopyEvent.Finished(result));
    return result;
  }

  private static ImageReference at(ImageReference repository, String reference) {
    String base = repository.registry() + "/" + repository.repository();
    return ImageReference.parse(base + (reference.contains(":") ? "@" : ":") + reference);
  }

  private Map<Digest, CopiedBlob> sendBlobs(
      CopySource source,
      Target target,
      CopySelection selection,
      Options options,
      Events events,
      TransferScope scope,
      long deadline) {
    Queue<Map.Entry<Digest, Long>> queue =
        new ConcurrentLinkedQueue<>(selection.blobs().entrySet());
    Map<Digest, CopiedBlob> outcomes = new ConcurrentHashMap<>();
    int n = Math.max(1, Math.min(options.parallelism(), queue.size()));
    WorkerGroup group = new WorkerGroup(n);
    for (int i = 0; i < n; i++) {
      group.start(
          workers,
          () -> {
            for (var next = queue.poll(); next != null && !scope.ended(); next = queue.poll()) {
              try {
                CopiedBlob done =
                    sendBlob(source, target, next.getKey(), next.getValue(), events, scope);
                outcomes.put(done.digest(), done);
              } catch (RegistryException e) {
                scope.fail(e);
              } catch (RuntimeException e) {
                scope.fail(
                    new InvalidContentException(
                        scope.context(),
                        "unexpected failure copying " + next.getKey() + ": " + e,
                        e));
              }
            }
          },
          scope);
    }
    group.awaitUntil(deadline, scope);
    if (scope.ended()) {
      group.stop();
    }
    scope.check();
    return outcomes;
  }

  private CopiedBlob sendBlob(
      CopySource source,
      Target target,
      Digest digest,
      long size,
      Events events,
      TransferScope scope) {
    String repository = target.reference().repository();
    events.emit(new CopyEvent.BlobStarted(digest, size));
    AtomicInteger retries = new AtomicInteger();
    AtomicLong downloaded = new AtomicLong();
    AtomicLong uploaded = new AtomicLong();
    dev.registryclient.core.transport.RetryListener counting =
        event -> {
          retries.incrementAndGet();
          events.emit(new CopyEvent.Retrying(digest, event.attempt(), describe(event)));
        };
    BlobContent read = source.blob(digest, size, counting);
    BlobContent counted = () -> new Counting(read.open(), downloaded);
    Optional<String> mountFrom = mountFrom(source, target, digest);
    BlobUploader.Outcome outcome =
        target
            .uploader()
            .upload(
                new BlobUploader.Blob(repository, digest, size, counted, mountFrom),
                counting,
                delta ->
                    events.emit(
                        new CopyEvent.BlobProgress(
                            digest, downloaded.get(), uploaded.addAndGet(delta), size)),
                scope);
    locations.seen(target.origin(), repository, digest);
    CopiedBlob.Outcome done =
        switch (outcome) {
          case SKIPPED -> CopiedBlob.Outcome.SKIPPED;
          case MOUNTED -> CopiedBlob.Outcome.MOUNTED;
          case UPLOADED -> CopiedBlob.Outcome.UPLOADED;
        };
    long known = size >= 0 ? size : uploaded.get() > 0 ? uploaded.get() : -1;
    events.emit(new CopyEvent.BlobDone(digest, known, done));
    return new CopiedBlob(digest, known, done, retries.get());
  }

  /** Within one registry a blob is mounted from the source, or from where it was seen last. */
  private Optional<String> mountFrom(CopySource source, Target target, Digest digest) {
    String repository = target.reference().repository();
    Optional<String> same =
        source
            .location()
            .filter(l -> l.origin().equals(target.origin()))
            .map(CopySource.Location::repository);
    return same.or(() -> locations.repositoryWith(target.origin(), digest))
        .filter(r -> !r.equals(repository));
  }

  private static String describe(RetryEvent event) {
    return event.kind() == RetryEvent.Kind.RESUME
        ? event.reason() + ", resuming (" + event.subject() + ")"
        : event.reason();
  }

  /** Counts the bytes read from the source. */
  private static final class Counting extends FilterInputStream {
    private final AtomicLong count;

    Counting(InputStream in, AtomicLong count) {
      super(in);
      this.count = count;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count.addAndGet(n);
      }
      return n;
    }
  }

  /** Sends events to the listener; a failing listener does not fail the copy. */
  private static final class Events {
    private final CopyListener listener;

    Events(CopyListener listener) {
      this.listener = listener;
    }

    void emit(CopyEvent event) {
      if (listener == CopyListener.NONE) {
        return;
      }
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        // a listener's failure is its own business
      }
    }
  }
}
