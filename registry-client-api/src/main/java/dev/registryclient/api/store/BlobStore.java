package dev.registryclient.api.store;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.BlobNotFoundInStoreException;
import dev.registryclient.api.exception.StoreException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A content-addressed blob store: blobs are named by their digest, written once through a verifying
 * {@link BlobWriter}, and never visible half-written.
 *
 * <p>This is the extension point for custom storage. The required surface is small; extras such as
 * {@link Verifiable} or {@link HardLinkImport} are optional capabilities found through {@link
 * #capability(Class)}, never by {@code instanceof} on an implementation class. Any implementation
 * should pass the contract tests in {@code dev.registryclient.testkit.store.BlobStoreContract}.
 *
 * <pre>{@code
 * try (BlobWriter w = store.writer(descriptor.digest(), descriptor.size())) {
 *   w.transferFrom(body);
 *   w.commit(); // verifies size and digest, then makes the blob visible
 * }
 * try (InputStream in = store.open(descriptor.digest())) {
 *   in.transferTo(out);
 * }
 * }</pre>
 *
 * <p>Implementations must be thread-safe. Several writers of the same digest may run at once; all
 * of them that write the right bytes succeed and the blob appears exactly once. Failures are
 * unchecked: {@link StoreException} (or its subtypes) for storage problems and {@link
 * dev.registryclient.api.exception.DigestMismatchException} for content that does not match.
 */
public interface BlobStore {

  /** Whether a complete, verified blob with this digest is present. */
  boolean exists(Digest digest);

  /** The size in bytes of the blob, or empty if it is not present. */
  OptionalLong size(Digest digest);

  /**
   * Opens the blob for streaming. The caller closes the stream.
   *
   * @throws BlobNotFoundInStoreException if the blob is not present
   * @throws StoreException if it cannot be read
   */
  InputStream open(Digest digest);

  /**
   * Starts writing a blob that must have exactly {@code expectedSize} bytes hashing to {@code
   * expected}. Nothing becomes visible until {@link BlobWriter#commit()} succeeds.
   *
   * @throws IllegalArgumentException if {@code expectedSize} is negative
   * @throws StoreException if the store cannot accept writes (e.g. a read-only directory)
   */
  BlobWriter writer(Digest expected, long expectedSize);

  /**
   * Removes the blob if present. Readers that already opened it may finish reading.
   *
   * @return whether a blob was removed
   */
  boolean delete(Digest digest);

  /**
   * The digests of all complete blobs, in no particular order. The stream may hold resources such
   * as an open directory: close it, e.g. with try-with-resources.
   */
  Stream<Digest> list();

  /**
   * An optional capability of this store, such as {@link Verifiable}.
   *
   * <pre>{@code
   * store.capability(Verifiable.class).ifPresent(v -> v.verify(digest));
   * }</pre>
   *
   * @return the capability, or empty if this store does not offer it
   */
  default <T extends BlobStoreCapability> Optional<T> capability(Class<T> type) {
    return Optional.empty();
  }
}
