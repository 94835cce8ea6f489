package dev.registryclient.oci.pull;

import dev.registryclient.api.Platform;
import dev.registryclient.api.client.PullListener;
import dev.registryclient.api.client.PullTarget;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one pull runs.
 *
 * @param target where blobs and manifests go
 * @param platform the platform asked for; empty for this JVM's (not checked against a
 *     single-platform image then)
 * @param allPlatforms pull every image of an index, and the index
 * @param listener progress events
 * @param deadline how long the whole pull may take, if limited
 * @param parallelism blobs downloaded at once (retries are the transport's: see its retry policy)
 * @param verifier decides whether the image may be pulled, after its manifest is read and before
 *     any blob is stored; none by default
 * @param verifyDiffIds check each layer's uncompressed content against its config's diff_id while
 *     it streams; off by default (see {@link
 *     dev.registryclient.api.client.PullRequest#verifyDiffIds})
 */
public record PullOptions(
    PullTarget target,
    Optional<Platform> platform,
    boolean allPlatforms,
    PullListener listener,
    Optional<Duration> deadline,
    int parallelism,
    Optional<ManifestVerifier> verifier,
    boolean verifyDiffIds) {

  /** Options without the diff_id check. */
  public PullOptions(
      PullTarget target,
      Optional<Platform> platform,
      boolean allPlatforms,
      PullListener listener,
      Optional<Duration> deadline,
      int parallelism,
      Optional<ManifestVerifier> verifier) {
    this(target, platform, allPlatforms, listener, deadline, parallelism, verifier, false);
  }

  /** Validates. */
  public PullOptions {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(verifier, "verifier");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be positive: " + parallelism);
    }
  }

  /** Options for {@code target} with the defaults: this JVM's platform, no listener, 4 at once. */
  public static PullOptions into(PullTarget target) {
    return new PullOptions(
        target, Optional.empty(), false, PullListener.NONE, Optional.empty(), 4, Optional.empty());
  }

  /** These options with another parallelism. */
  public PullOptions withParallelism(int n) {
    return new PullOptions(
        target, platform, allPlatforms, listener, deadline, n, verifier, verifyDiffIds);
  }

  /** These options for {@code wanted}. */
  public PullOptions withPlatform(Platform wanted) {
    return new PullOptions(
        target,
        Optional.of(wanted),
        false,
        listener,
        deadline,
        parallelism,
        verifier,
        verifyDiffIds);
  }

  /** These options for every platform. */
  public PullOptions withAllPlatforms() {
    return new PullOptions(
        target, Optional.empty(), true, listener, deadline, parallelism, verifier, verifyDiffIds);
  }

  /** These options with {@code l} as listener. */
  public PullOptions withListener(PullListener l) {
    return new PullOptions(
        target, platform, allPlatforms, l, deadline, parallelism, verifier, verifyDiffIds);
  }

  /** These options with a deadline. */
  public PullOptions withDeadline(Duration d) {
    return new PullOptions(
        target,
        platform,
        allPlatforms,
        listener,
        Optional.of(d),
        parallelism,
        verifier,
        verifyDiffIds);
  }

  /** These options with another target. */
  public PullOptions withTarget(PullTarget t) {
    return new PullOptions(
        t, platform, allPlatforms, listener, deadline, parallelism, verifier, verifyDiffIds);
  }

  /** These options with a verifier that must accept the image before anything is stored. */
  public PullOptions withVerifier(ManifestVerifier v) {
    return new PullOptions(
        target,
        platform,
        allPlatforms,
        listener,
        deadline,
        parallelism,
        Optional.of(v),
        verifyDiffIds);
  }

  /** These options with the diff_id check on or off. */
  public PullOptions withVerifyDiffIds(boolean verify) {
    return new PullOptions(
        target, platform, allPlatforms, listener, deadline, parallelism, verifier, verify);
  }
}
