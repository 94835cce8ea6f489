package dev.registryclient.oci.client;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.Platform;
import dev.registryclient.api.client.PullListener;
import dev.registryclient.api.client.PullRequest;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PullTarget;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.oci.pull.ImageSource;
import dev.registryclient.oci.pull.ManifestVerifier;
import dev.registryclient.oci.pull.PullEngine;
import dev.registryclient.oci.pull.PullOptions;
import dev.registryclient.oci.pull.TransferScope;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** The fluent pull configuration; each execute runs the engine with a fresh scope. */
final class DefaultPullRequest implements PullRequest {
  private final ImageReference reference;
  private final Function<PullListener, ImageSource> source;
  private final PullEngine engine;
  private final Executor executor;
  private final int parallelism;
  private final Optional<ManifestVerifier> verifier;
  private PullTarget target;
  private Platform platform;
  private boolean allPlatforms;
  private PullListener listener = PullListener.NONE;
  private Duration deadline;
  private boolean verifyDiffIds;

  DefaultPullRequest(
      ImageReference reference,
      Function<PullListener, ImageSource> source,
      PullEngine engine,
      Executor executor,
      int parallelism,
      Optional<ManifestVerifier> verifier) {
    this.reference = reference;
    this.source = source;
    this.engine = engine;
    this.executor = executor;
    this.parallelism = parallelism;
    this.verifier = verifier;
  }

  @Override
  public PullRequest platform(Platform platform) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.allPlatforms = false;
    return this;
  }

  @Override
  public PullRequest allPlatforms() {
    this.allPlatforms = true;
    this.platform = null;
    return this;
  }

  @Override
  public PullRequest into(BlobStore store) {
    return into(PullTarget.of(store));
  }

  @Override
  public PullRequest into(PullTarget target) {
    this.target = Objects.requireNonNull(target, "target");
    return this;
  }

  @Override
  public PullRequest onProgress(PullListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  @Override
  public PullRequest deadline(Duration timeout) {
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("deadline must be positive, got " + timeout);
    }
    this.deadline = timeout;
    return this;
  }

  @Override
  public PullRequest verifyDiffIds(boolean verify) {
    this.verifyDiffIds = verify;
    return this;
  }

  @Override
  public PullResult execute() {
    PullOptions run = ready();
    return engine.pull(reference, source.apply(listener), run, scope());
  }

  @Override
  public CompletableFuture<PullResult> executeAsync() {
    PullOptions run = ready();
    TransferScope scope = scope();
    return AsyncTransfer.start(
        executor, scope, () -> engine.pull(reference, source.apply(listener), run, scope));
  }

  private PullOptions ready() {
    if (target == null) {
      throw new IllegalStateException(
          "pull of " + reference + " has no target: call into(store) or into(layout) first");
    }
    PullOptions options =
        PullOptions.into(target)
            .withParallelism(parallelism)
            .withListener(listener)
            .withVerifyDiffIds(verifyDiffIds);
    if (verifier.isPresent()) {
      options = options.withVerifier(verifier.get());
    }
    if (allPlatforms) {
      options = options.withAllPlatforms();
    } else if (platform != null) {
      options = options.withPlatform(platform);
    }
    return deadline == null ? options : options.withDeadline(deadline);
  }

  private TransferScope scope() {
    return new TransferScope(
        ErrorContext.of(Phase.BLOB, reference.registry(), reference.repository()));
  }
}
