package dev.registryclient.api.store;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.StoreException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * A store that takes a blob's bytes out of order: each write names its offset, and several threads
 * may write disjoint ranges at once, as a segmented download delivers them. The writer still hashes
 * every byte exactly once, in order of offset, as the written prefix from byte 0 grows, so {@link
 * PositionalBlobWriter#commit()} verifies size and digest without reading the blob again, and the
 * blob becomes visible only then, with the same guarantees as a {@link BlobWriter}.
 *
 * <pre>{@code
 * Optional<PositionalWrites> positional = store.capability(PositionalWrites.class);
 * if (positional.isPresent()) {
 *   try (PositionalBlobWriter w = positional.get().writer(digest, size)) {
 *     // on several threads at once, each with its own range:
 *     w.write(half, secondHalf, 0, secondHalf.length);
 *     w.write(0, firstHalf, 0, firstHalf.length);
 *     // after every write returned:
 *     w.commit(); // size and digest checked, then visible
 *   } // without a successful commit, everything written is discarded here
 * }
 * }</pre>
 *
 * <p>A store without this capability is written with one {@link BlobWriter}, front to back; a pull
 * then downloads each blob as one stream.
 */
public interface PositionalWrites extends BlobStoreCapability {

  /**
   * Starts writing a blob of exactly {@code expectedSize} bytes hashing to {@code expected}.
   *
   * @param expected the digest the content must hash to
   * @param expectedSize the exact size of the content in bytes, not negative
   * @return a new writer, open and empty
   * @throws IllegalArgumentException if {@code expectedSize} is negative
   * @throws StoreException if the store cannot accept writes
   */
  default PositionalBlobWriter writer(Digest expected, long expectedSize) {
    return writer(expected, expectedSize, chunk -> {});
  }

  /**
   * Like {@link #writer(Digest, long)}, and hands every byte of the blob to {@code inOrder} once,
   * in order of offset, as the writer hashes it: for a check of the content that needs the bytes in
   * order, such as decompressing a layer, without reading the blob again. {@code inOrder} is called
   * on one of the writing threads, never concurrently with itself; the buffer is read-only and
   * valid only during the call. An exception it throws aborts the writer and propagates from the
   * {@code write} or {@code commit} that ran it.
   *
   * @param expected the digest the content must hash to
   * @param expectedSize the exact size of the content in bytes, not negative
   * @param inOrder receives every byte of the blob once, in order of offset
   * @return a new writer, open and empty
   * @throws IllegalArgumentException if {@code expectedSize} is negative
   * @throws StoreException if the store cannot accept writes
   */
  PositionalBlobWriter writer(Digest expected, long expectedSize, Consumer<ByteBuffer> inOrder);
}
