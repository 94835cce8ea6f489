package dev.registryclient.api.client;

import dev.registryclient.api.Platform;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A copy (registry to registry) or a push (local image to registry) being configured; nothing
 * happens until {@link #execute()}. Obtain one with {@link RegistryClient#copy} or {@link
 * RegistryClient#push}.
 *
 * <pre>{@code
 * CopyResult r = client.copy("registry.redhat.io/ubi9/ubi:9.4", "mirror.internal:5000/ubi9/ubi:9.4")
 *     .allPlatforms()
 *     .onProgress(listener)
 *     .execute();
 * System.out.println(r.manifest().digest() + ": " + r.uploaded() + " uploaded, "
 *     + r.mounted() + " mounted, " + r.skipped() + " already there");
 * }</pre>
 *
 * <p>Blobs stream from the source to the target, in parallel, each verified against its digest
 * before the target commits it; blobs the target has are not sent, and within one registry they are
 * mounted from the source repository instead of uploaded. Manifests go last, children before the
 * index, with their exact bytes, so every digest is preserved; a cancelled or failed copy leaves no
 * tag at the target.
 *
 * <p>From an index, a copy takes this JVM's platform unless told otherwise (like {@code skopeo
 * copy}): the target tag then names that platform's image manifest. {@link #allPlatforms()} copies
 * the index as it is; {@link #platforms(Set)} copies the chosen images under a rewritten index, the
 * only digest that changes ({@link CopyResult#rewritten()}).
 *
 * <p>Not thread-safe; configure it on one thread. Each {@code execute} runs a new copy.
 */
public interface CopyRequest {

  /**
   * Copies the image for {@code platform} from an index (default: {@link Platform#current()}).
   *
   * @param platform the platform to pick
   * @return this request
   */
  CopyRequest platform(Platform platform);

  /**
   * Copies these platforms' images from an index under a new index holding only them.
   *
   * @param platforms the platforms to keep
   * @return this request
   */
  CopyRequest platforms(Set<Platform> platforms);

  /**
   * Copies an index with every image in it, byte for byte.
   *
   * @return this request
   */
  CopyRequest allPlatforms();

  /**
   * Sends events to {@code listener} (default {@link CopyListener#NONE}).
   *
   * @param listener the listener for progress events
   * @return this request
   */
  CopyRequest onProgress(CopyListener listener);

  /**
   * Stops the copy with a {@link dev.registryclient.api.exception.CancelledException} if it runs
   * longer than {@code timeout}; no manifest is written then.
   *
   * @param timeout the longest the copy may run, from {@code execute}
   * @return this request
   */
  CopyRequest deadline(Duration timeout);

  /**
   * Carries the source image's signatures to the target, as {@code skopeo copy} does:
   * simple-signing signatures (from the source's lookaside store or signature API) are added to the
   * target's {@code file://} {@code lookaside-staging} directory of the client's {@linkplain
   * RegistryClientBuilder#signatureStores signature stores}, and the sigstore {@code
   * sha256-<hex>.sig} tag is copied to the target repository. {@link CopyResult#signatures()} says
   * where each went. Everything is read, and the target checked for a place to write, before the
   * image is copied.
   *
   * <pre>{@code
   * client.copy(src, dst).allPlatforms().copySignatures().execute().signatures()
   *     .forEach(System.out::println);
   * }</pre>
   *
   * <p>A push has no signatures to carry; an index copied with a subset of its platforms would
   * invalidate its signatures: both fail with an {@link IllegalStateException} at {@code execute}.
   *
   * @return this request
   */
  CopyRequest copySignatures();

  /**
   * Runs the copy on the calling thread (blobs on the client's workers) and waits for it.
   *
   * @throws dev.registryclient.api.exception.RegistryException the first failure, naming phase,
   *     registry and host
   * @return what was copied and how
   */
  CopyResult execute();

  /**
   * Runs the copy on the client's workers; cancelling the future stops it.
   *
   * @return a future of the result, completed exceptionally with the copy's failure
   */
  CompletableFuture<CopyResult> executeAsync();
}
