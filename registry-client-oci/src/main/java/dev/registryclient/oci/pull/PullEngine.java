package dev.registryclient.oci.pull;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.Platform;
import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.config.Source;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.ImageConfig;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.trust.TrustVerdict;
import dev.registryclient.oci.manifest.ManifestCodec;
import dev.registryclient.oci.platform.PlatformMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Pulls one image: resolve the reference, pick the platform's manifest from an index (or take every
 * child), plan the blobs against the target, download configs, check the platform, download layers
 * (checking their diff_ids against the configs, if asked), store the manifests (after the blobs
 * they name), and record the image in the target.
 *
 * <pre>{@code
 * PullEngine engine = new PullEngine(workers, new InFlightBlobs(), ManifestCodec.defaults());
 * PullResult r = engine.pull(ref, source, PullOptions.into(PullTarget.of(store)), scope);
 * }</pre>
 */
public final class PullEngine {
  private static final long NO_DEADLINE = Long.MAX_VALUE / 4;

  private final PullExecutor executor;
  private final ExecutorService workers;
  private final ManifestCodec codec;

  /**
   * An engine downloading on {@code workers}, sharing in-flight downloads through {@code inFlight}.
   */
  public PullEngine(ExecutorService workers, InFlightBlobs inFlight, ManifestCodec codec) {
    this.executor = new PullExecutor(workers, inFlight);
    this.workers = workers;
    this.codec = codec;
  }

  /**
   * Runs the pull on the calling thread (blobs on the workers) until it succeeds, fails, or {@code
   * scope} is cancelled.
   */
  public PullResult pull(
      ImageReference reference, ImageSource source, PullOptions options, TransferScope scope) {
    long start = System.nanoTime();
    long deadline = start + options.deadline().map(Duration::toNanos).orElse(NO_DEADLINE);
    options.deadline().ifPresent(limit -> scope.timeLimit(limit, start));
    PullEvents events = new PullEvents(options.listener());
    BlobStore store = options.target().blobs();
    ErrorContext context = ErrorContext.of(Phase.MANIFEST, source.registry(), source.repository());

    FetchedManifest top = source.manifest(reference.reference());
    scope.checkpoint(deadline);
    Optional<TrustVerdict> trust = options.verifier().map(v -> v.verify(reference, top));
    trust.ifPresent(verdict -> events.emit(new PullEvent.Verified(verdict)));
    scope.checkpoint(deadline);
    Selection selection = select(reference, top, source, options, context);
    scope.checkpoint(deadline);
    PullPlan plan = PullPlanner.plan(selection.imageManifests(), store);
    events.emit(new PullEvent.Resolved(reference, top.descriptor(), plan.totalBytes()));
    Map<Digest, PulledBlob> outcomes = new HashMap<>();
    for (BlobTask present : plan.blobs()) {
      if (plan.present().contains(present.digest())) {
        long size = store.size(present.digest()).orElse(Math.max(0, present.size()));
        events.emit(new PullEvent.BlobSkipped(present.digest(), size));
        outcomes.put(present.digest(), PulledBlob.skipped(present.digest(), size));
      }
    }

    BlobDownloader downloader =
        new BlobDownloader(
            source,
            store,
            events,
            context.withPhase(Phase.BLOB),
            options.segmentation(),
            workers,
            BlobWriterHook.NONE);
    int n = options.parallelism();
    outcomes.putAll(executor.run(plan.configs(), n, downloader, store, events, scope, deadline));
    Optional<Platform> platform =
        selection.platform().or(() -> configPlatform(selection, store, options, context));
    // the configs are in the store now, so the diff_ids are known before any layer streams
    DiffIdVerification diffIds =
        options.verifyDiffIds()
            ? DiffIdVerification.plan(
                reference, selection.imageManifests(), store, codec, context.withPhase(Phase.BLOB))
            : null;
    BlobDownloader layerDownloader = diffIds == null ? downloader : downloader.withHook(diffIds);
    outcomes.putAll(
        executor.run(plan.layers(), n, layerDownloader, store, events, scope, deadline));
    scope.checkpoint(deadline);
    if (diffIds != null) {
      outcomes.putAll(diffIds.report(outcomes, events));
    }

    selection.children().forEach(m -> ManifestStore.put(store, m, context));
    Descriptor stored = ManifestStore.put(store, selection.top(), context);
    Descriptor recorded = selection.platform().map(stored::withPlatform).orElse(stored);
    options.target().pulled(reference, recorded);

    List<PulledBlob> blobs = new ArrayList<>();
    plan.blobs().forEach(b -> blobs.add(outcomes.get(b.digest())));
    Descriptor described = selection.top().descriptor();
    PullResult result =
        new PullResult(
            reference,
            selection.platform().map(described::withPlatform).orElse(described),
            options.allPlatforms() ? Optional.empty() : platform,
            blobs,
            Duration.ofNanos(System.nanoTime() - start),
            selection.platform().map(stored::withPlatform).orElse(stored),
            top.source().orElseGet(() -> new Source(reference, false, false)),
            trust);
    events.emit(new PullEvent.Finished(result));
    return result;
  }

  /** What the pull stores: the manifest it records, and child manifests stored before it. */
  private record Selection(
      FetchedManifest top, List<FetchedManifest> children, Optional<Platform> platform) {
    List<Manifest> imageManifests() {
      if (children.isEmpty()) {
        return List.of(top.manifest());
      }
      return children.stream().map(FetchedManifest::manifest).toList();
    }
  }

  private Selection select(
      ImageReference reference,
      FetchedManifest top,
      ImageSource source,
      PullOptions options,
      ErrorContext context) {
    if (!(top.manifest() instanceof ImageIndex index)) {
      return new Selection(top, List.of(), Optional.empty());
    }
    if (options.allPlatforms()) {
      // the stored index names its attestations too, so the layout must hold them and their
      // blobs; they come after the images, and no platform is chosen from them
      List<FetchedManifest> children = new ArrayList<>();
      for (Descriptor child : index.images()) {
        children.add(image(source, child, reference, context));
      }
      for (Descriptor attestation : index.attestations()) {
        children.add(image(source, attestation, reference, context));
      }
      return new Selection(top, children, Optional.empty());
    }
    Descriptor chosen =
        options
            .platform()
            .map(p -> PlatformMatcher.select(index, p, context))
            .orElseGet(() -> PlatformMatcher.select(index, context));
    return new Selection(image(source, chosen, reference, context), List.of(), chosen.platform());
  }

  /**
   * Fetches a child manifest of an index; nested indexes are refused, a missing one is named with
   * the index it belongs to.
   */
  private static FetchedManifest image(
      ImageSource source, Descriptor child, ImageReference parent, ErrorContext context) {
    FetchedManifest fetched;
    try {
      fetched = source.manifest(child.digest().toString());
    } catch (NotFoundException e) {
      throw new NotFoundException(
          e.context(),
          "manifest "
              + source.registry()
              + "/"
              + source.repository()
              + "@"
              + child.digest()
              + " (child of "
              + parent
              + child.platform().map(p -> " for " + p).orElse("")
              + ") not found",
          e.statusCode(),
          e.errors());
    }
    if (fetched.manifest() instanceof ImageIndex) {
      throw new InvalidContentException(
          context,
          "index entry " + child.digest() + " is itself an index; nested indexes are not pulled");
    }
    return fetched;
  }

  private Optional<Platform> configPlatform(
      Selection selection, BlobStore store, PullOptions options, ErrorContext context) {
    if (options.allPlatforms()
        || !(selection.top().manifest() instanceof ImageManifest image)
        || !image.config().mediaType().isConfig()) {
      return Optional.empty();
    }
    ImageConfig config =
        ManifestStore.readConfig(store, image.config(), codec, context.withPhase(Phase.CONFIG));
    options
        .platform()
        .ifPresent(p -> PlatformMatcher.check(config, p, context.withPhase(Phase.CONFIG)));
    return Optional.of(config.platform());
  }
}
