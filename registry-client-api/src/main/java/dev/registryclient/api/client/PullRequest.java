package dev.registryclient.api.client;

import dev.registryclient.api.Platform;
import dev.registryclient.api.store.BlobStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A pull being configured; nothing happens until {@link #execute()} or {@link #executeAsync()}.
 * Obtain one with {@link RegistryClient#pull(String)}.
 *
 * <pre>{@code
 * PullResult r = client.pull("registry.example/ns/app:1.2")
 *     .platform(Platform.parse("linux/arm64"))
 *     .into(OciLayout.at(Path.of("out")))   // or into(anyBlobStore)
 *     .onProgress(listener)
 *     .deadline(Duration.ofMinutes(10))
 *     .execute();
 * }</pre>
 *
 * <p>The pull resolves the reference, picks the platform's manifest from an index (this JVM's
 * platform unless told otherwise), then downloads config and layers in parallel, skipping blobs the
 * target already has. Each blob is verified (size and digest) before it becomes visible; manifests
 * are stored after the blobs they reference, and {@link PullTarget#pulled} is called last.
 *
 * <p>Not thread-safe; configure it on one thread. Each {@code execute} runs a new pull.
 */
public interface PullRequest {

  /** Pulls the image for {@code platform} from an index (default: {@link Platform#current()}). */
  PullRequest platform(Platform platform);

  /** Pulls every image of an index and stores the index itself. */
  PullRequest allPlatforms();

  /** Stores into {@code store}; same as {@code into(PullTarget.of(store))}. */
  PullRequest into(BlobStore store);

  /** Stores into {@code target}, e.g. an {@code OciLayout}, which also records the tag. */
  PullRequest into(PullTarget target);

  /** Sends events to {@code listener} (default {@link PullListener#NONE}). */
  PullRequest onProgress(PullListener listener);

  /**
   * Stops the pull with a {@link dev.registryclient.api.exception.CancelledException} if it runs
   * longer than {@code timeout}.
   */
  PullRequest deadline(Duration timeout);

  /**
   * Whether to check each layer's uncompressed content against the {@code rootfs.diff_ids} its
   * image config lists (default {@code false}). Layers are decompressed while they stream (gzip,
   * zstd, or plain tar), so no file is read twice; a mismatch, or a layer that cannot be
   * decompressed, fails the pull with a {@link
   * dev.registryclient.api.exception.DiffIdMismatchException} and stores no manifest or tag. Layers
   * of other media types (eStargz and zstd:chunked included), layers the target already has, and
   * schema 1 images are passed through and reported as not checked in {@link
   * PulledBlob#diffIdCheck()}.
   *
   * <p>Off by default because decompressing costs far more CPU than the digest check every blob
   * gets anyway (gzip: several times as much); see the project README for the numbers.
   */
  PullRequest verifyDiffIds(boolean verify);

  /**
   * Runs the pull on the calling thread (blobs on the client's workers) and waits for it.
   * Interrupting the calling thread stops every transfer and discards partial blobs.
   *
   * @throws IllegalStateException if no target was set with {@code into}
   * @throws dev.registryclient.api.exception.RegistryException the first failure, naming phase,
   *     registry and the host contacted; {@link
   *     dev.registryclient.api.exception.CancelledException} when interrupted or past the deadline
   */
  PullResult execute();

  /**
   * Runs the pull on the client's workers. Cancelling the future stops every transfer and discards
   * partial blobs.
   *
   * @throws IllegalStateException if no target was set with {@code into}
   */
  CompletableFuture<PullResult> executeAsync();
}
