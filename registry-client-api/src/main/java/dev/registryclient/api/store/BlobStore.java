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
 *
 * <h2>Writing a store</h2>
 *
 * <p>Extend {@link VerifyingBlobWriter} for the writer: it hashes, checks sizes and digests and
 * keeps the writer's states, and leaves three hooks (store bytes, publish, discard). A store that
 * must be finished when its owner is done with it, such as one writing a zip file or an index, does
 * that in {@link #close()}.
 *
 * <h2>What a pull calls</h2>
 *
 * <p>{@code client.pull(ref).into(store).execute()} uses only {@link #exists}, {@link #size},
 * {@link #open}, {@link #writer} and {@code capability(PositionalWrites.class)}, in this order:
 *
 * <ol>
 *   <li>{@code exists} for every config and layer the image needs, to plan what to download; {@code
 *       size} for each one present, to report it as skipped.
 *   <li>For each missing blob, configs first and then layers, on up to {@code parallelism} worker
 *       threads at once: {@code exists} again (another pull may have stored it meanwhile), then
 *       {@code writer(digest, size)}, {@code write} calls of at most {@value
 *       BlobWriter#TRANSFER_CHUNK} bytes, {@code commit()}, and always {@code close()}. A failed or
 *       cancelled download closes its writer without committing; after a transport failure the blob
 *       may be started again from its first byte with a new writer. A blob large enough for a
 *       segmented download (32 MiB by default) is first offered to {@link PositionalWrites}, if the
 *       store has it: one {@link PositionalBlobWriter}, written from several threads at disjoint
 *       offsets, then {@code commit()} and {@code close()}.
 *   <li>When the platform must be read from the image config: {@code open} of the config, between
 *       the configs and the layers.
 *   <li>Manifests last, child manifests before the index that lists them: {@code exists}, and if
 *       absent {@code writer}, one {@code write} of the whole manifest, {@code commit()}, {@code
 *       close()}.
 * </ol>
 *
 * <p>A pull never calls {@code delete}, {@code list}, any other {@code capability} or {@code
 * close}: the store stays open for the next pull, and closing it is its owner's job.
 */
public interface BlobStore extends AutoCloseable {

  /**
   * Whether a complete, verified blob with this digest is present.
   *
   * @param digest the blob's digest
   * @return {@code true} if the blob is present
   */
  boolean exists(Digest digest);

  /**
   * The size in bytes of the blob, or empty if it is not present.
   *
   * @param digest the blob's digest
   * @return the size, or empty if the blob is not present
   */
  OptionalLong size(Digest digest);

  /**
   * Opens the blob for streaming. The caller closes the stream.
   *
   * @param digest the blob's digest
   * @return a stream of the blob's bytes, which the caller must close
   * @throws BlobNotFoundInStoreException if the blob is not present
   * @throws StoreException if it cannot be read
   */
  InputStream open(Digest digest);

  /**
   * Starts writing a blob that must have exactly {@code expectedSize} bytes hashing to {@code
   * expected}. Nothing becomes visible until {@link BlobWriter#commit()} succeeds.
   *
   * @param expected the digest the content must hash to
   * @param expectedSize the exact size of the content in bytes, not negative
   * @return a new writer, open and empty
   * @throws IllegalArgumentException if {@code expectedSize} is negative
   * @throws StoreException if the store cannot accept writes (e.g. a read-only directory)
   */
  BlobWriter writer(Digest expected, long expectedSize);

  /**
   * Removes the blob if present. Readers that already opened it may finish reading.
   *
   * @param digest the blob's digest
   * @return whether a blob was removed
   */
  boolean delete(Digest digest);

  /**
   * The digests of all complete blobs, in no particular order. The stream may hold resources such
   * as an open directory: close it, e.g. with try-with-resources.
   *
   * @return a stream of the present digests, to be closed by the caller
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
   * @param <T> the capability type
   * @param type the capability interface, e.g. {@code Verifiable.class}
   */
  default <T extends BlobStoreCapability> Optional<T> capability(Class<T> type) {
    return Optional.empty();
  }

  /**
   * Finishes the store: writes what it still holds back (a zip file's central directory, an index)
   * and releases files or connections. Called once, by whoever created the store, after the last
   * write was committed or closed; never by a pull. What the store does when used after {@code
   * close} is up to it. The default does nothing, which suits stores that are complete after every
   * commit, such as {@code FileBlobStore}.
   *
   * <pre>{@code
   * try (BlobStore store = new ZipBlobStore(Path.of("image.zip"))) {
   *   client.pull(ref).into(store).execute();
   * } // the zip file is complete here
   * }</pre>
   *
   * @throws StoreException if the store cannot be finished
   */
  @Override
  default void close() {}
}
