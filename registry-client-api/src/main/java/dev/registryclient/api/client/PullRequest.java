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

  /**
   * Pulls the image for {@code platform} from an index (default: {@link Platform#current()}).
   *
   * @param platform the platform to pick
   * @return this request
   */
  PullRequest platform(Platform platform);

  /**
   * Pulls every image of an index and stores the index itself.
   *
   * @return this request
   */
  PullRequest allPlatforms();

  /**
   * Stores into {@code store}; same as {@code into(PullTarget.of(store))}.
   *
   * @param store the blob store to write blobs and manifests into
   * @return this request
   */
  PullRequest into(BlobStore store);

  /**
   * Stores into {@code target}, e.g. an {@code OciLayout}, which also records the tag.
   *
   * @param target where to store blobs and manifests
   * @return this request
   */
  PullRequest into(PullTarget target);

  /**
   * Sends events to {@code listener} (default {@link PullListener#NONE}).
   *
   * @param listener the listener for progress events
   * @return this request
   */
  PullRequest onProgress(PullListener listener);

  /**
   * Stops the pull with a {@link dev.registryclient.api.exception.CancelledException} if it runs
   * longer than {@code timeout}.
   *
   * @param timeout the longest the pull may run, from {@code execute}
   * @return this request
   */
  PullRequest deadline(Duration timeout);

  /**
   * Whether a large blob may be downloaded as several byte ranges on several connections at once
   * (default {@code true}). It applies to blobs of 32 MiB or more, in segments of at least 16 MiB,
   * when the pull has connections to spare (the client's {@code parallelism} bounds all of them),
   * the server answers {@code Range} with 206, and the target store takes positional writes (a
   * {@code FileBlobStore} or {@code OciLayout} does). Each range follows the registry's redirect
   * and resumes on its own; the digest is still computed once and verified before the blob becomes
   * visible. With {@code false}, every blob comes in one stream.
   *
   * <pre>{@code
   * client.pull("registry.example/ns/big:1").into(layout).segmentedDownloads(false).execute();
   * }</pre>
   *
   * @param enabled {@code false} to download every blob as one stream
   * @return this request
   */
  PullRequest segmentedDownloads(boolean enabled);

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
   *
   * @param verify {@code true} to check layers against the config's diff_ids
   * @return this request
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
   * @return what was pulled and stored
   */
  PullResult execute();

  /**
   * Runs the pull on the client's workers. Cancelling the future stops every transfer and discards
   * partial blobs.
   *
   * @throws IllegalStateException if no target was set with {@code into}
   * @return a future of the result, completed exceptionally with the pull's failure
   */
  CompletableFuture<PullResult> executeAsync();
}
