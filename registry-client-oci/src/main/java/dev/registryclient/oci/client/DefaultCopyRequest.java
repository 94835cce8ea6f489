package dev.registryclient.oci.client;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.Platform;
import dev.registryclient.api.client.CopyListener;
import dev.registryclient.api.client.CopyRequest;
import dev.registryclient.api.client.CopyResult;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.oci.copy.CopyEngine;
import dev.registryclient.oci.copy.CopySelection;
import dev.registryclient.oci.copy.CopySource;
import dev.registryclient.oci.pull.TransferScope;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/** The fluent copy (and push) configuration; each execute runs the engine with a fresh scope. */
final class DefaultCopyRequest implements CopyRequest {
  private final Function<CopyListener, CopySource> source;
  private final Supplier<CopyEngine.Target> target;
  private final ImageReference targetReference;
  private final CopyEngine engine;
  private final Executor executor;
  private final int parallelism;
  private final Optional<ImageReference> sourceReference;
  private CopySelection.Platforms platforms = new CopySelection.Platforms.One(Platform.current());
  private CopyListener listener = CopyListener.NONE;
  private Duration deadline;
  private boolean copySignatures;
  private final Optional<SignatureCopy> signatures;

  DefaultCopyRequest(
      Function<CopyListener, CopySource> source,
      Supplier<CopyEngine.Target> target,
      ImageReference targetReference,
      CopyEngine engine,
      Executor executor,
      int parallelism,
      Optional<SignatureCopy> signatures,
      Optional<ImageReference> sourceReference) {
    this.source = source;
    this.signatures = signatures;
    this.sourceReference = sourceReference;
    this.target = target;
    this.targetReference = targetReference;
    this.engine = engine;
    this.executor = executor;
    this.parallelism = parallelism;
  }

  @Override
  public CopyRequest platform(Platform platform) {
    platforms = new CopySelection.Platforms.One(Objects.requireNonNull(platform, "platform"));
    return this;
  }

  @Override
  public CopyRequest platforms(Set<Platform> wanted) {
    if (wanted.isEmpty()) {
      throw new IllegalArgumentException("platforms must not be empty");
    }
    platforms = new CopySelection.Platforms.Some(Set.copyOf(wanted));
    return this;
  }

  @Override
  public CopyRequest allPlatforms() {
    platforms = new CopySelection.Platforms.All();
    return this;
  }

  @Override
  public CopyRequest onProgress(CopyListener l) {
    this.listener = Objects.requireNonNull(l, "listener");
    return this;
  }

  @Override
  public CopyRequest deadline(Duration timeout) {
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("deadline must be positive, got " + timeout);
    }
    this.deadline = timeout;
    return this;
  }

  @Override
  public CopyRequest copySignatures() {
    if (signatures.isEmpty()) {
      throw new IllegalStateException("a push has no signatures to carry to " + targetReference);
    }
    this.copySignatures = true;
    return this;
  }

  @Override
  public CopyResult execute() {
    return run(scope());
  }

  @Override
  public CompletableFuture<CopyResult> executeAsync() {
    TransferScope scope = scope();
    return AsyncTransfer.start(executor, scope, () -> run(scope));
  }

  private CopyResult run(TransferScope scope) {
    CopyEngine.Options options =
        new CopyEngine.Options(platforms, listener, Optional.ofNullable(deadline), parallelism);
    if (!copySignatures) {
      return engine.copy(source.apply(listener), target.get(), options, scope);
    }
    SignatureCopy.Prepared prepared =
        signatures.orElseThrow().prepare(sourceReference.orElseThrow(), targetReference, platforms);
    CopyResult result = engine.copy(source.apply(listener), target.get(), options, scope);
    return result.withSignatures(prepared.write(result));
  }

  private TransferScope scope() {
    return new TransferScope(
        ErrorContext.of(Phase.UPLOAD, targetReference.registry(), targetReference.repository()));
  }
}
