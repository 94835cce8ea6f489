package dev.registryclient.api.store;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.StoreException;

/**
 * Writes one blob into a store at explicit offsets, from several threads at once ({@link
 * PositionalWrites}). Bytes go to a private staging area and are hashed in order of offset as the
 * written prefix from byte 0 grows, without being kept in memory; {@link #commit()} checks that
 * every byte was written, checks the digest and only then makes the blob visible. Closing without a
 * successful commit discards everything.
 *
 * <pre>{@code
 * try (PositionalBlobWriter w = positional.writer(digest, size)) {
 *   // each thread writes its own range, in chunks, at increasing offsets
 *   w.write(offset, buffer, 0, n);
 *   // once every write has returned (join the threads first):
 *   w.commit();
 * }
 * }</pre>
 *
 * <p>{@link #write} is thread-safe for disjoint ranges. {@link #commit()}, {@link #abort()} and
 * {@link #close()} belong to one thread, after every write has returned.
 */
public interface PositionalBlobWriter extends AutoCloseable {

  /**
   * The digest the content must have.
   *
   * @return the expected digest
   */
  Digest expectedDigest();

  /**
   * The number of bytes the content must have.
   *
   * @return the expected size in bytes
   */
  long expectedSize();

  /**
   * Writes {@code length} bytes of {@code bytes} from {@code offset} at {@code position} of the
   * blob. The array may be reused once this returns.
   *
   * @param position the offset in the blob of the first byte, 0-based
   * @param bytes the buffer holding the bytes
   * @param offset the index of the first byte in {@code bytes}
   * @param length how many bytes to write
   * @throws DigestMismatchException if the bytes would end beyond {@link #expectedSize()}; the
   *     writer is then aborted
   * @throws IllegalArgumentException if the range overlaps bytes written before, or {@code
   *     position} is negative; the writer is then aborted
   * @throws StoreException on a storage failure; the writer is then aborted
   * @throws IllegalStateException after commit, abort or close, or after another write failed (its
   *     failure is the cause)
   */
  void write(long position, byte[] bytes, int offset, int length);

  /**
   * How many bytes from offset 0 on are written without a gap and hashed: the part of the blob that
   * is final. Grows while writes arrive; {@link #expectedSize()} once every byte is written.
   *
   * @return the length of the gap-free written prefix, in bytes
   */
  long hashedBytes();

  /**
   * Verifies that every byte was written and that the digest matches, and makes the blob visible.
   * Returns normally also when the blob was already present.
   *
   * @throws DigestMismatchException if bytes are missing or the digest differs; nothing becomes
   *     visible
   * @throws StoreException if the blob cannot be stored; nothing becomes visible
   * @throws IllegalStateException if already committed, aborted or closed
   */
  void commit();

  /** Discards the staged bytes. Idempotent; does nothing after a successful commit. */
  void abort();

  /** Aborts unless committed. Never throws for an unused or already finished writer. */
  @Override
  void close();
}
