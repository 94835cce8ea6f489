package dev.registryclient.api.store;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.StoreException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Writes one blob into a {@link BlobStore}. Bytes go to a private staging area; {@link #commit()}
 * checks size and digest and only then makes the blob visible. Closing without a successful commit
 * discards everything, so a try-with-resources block never leaves partial blobs behind.
 *
 * <pre>{@code
 * try (BlobWriter w = store.writer(digest, size)) {
 *   w.transferFrom(in);
 *   w.commit();
 * } // on an exception before commit(), the staged bytes are discarded here
 * }</pre>
 *
 * <p>Not thread-safe: one writer belongs to one thread at a time.
 */
public interface BlobWriter extends AutoCloseable {

  /** Size of the chunks {@link #transferFrom(InputStream)} reads. */
  int TRANSFER_CHUNK = 64 * 1024;

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
   * Appends bytes.
   *
   * @param bytes the buffer holding the bytes; may be reused once this returns
   * @param offset the index of the first byte in {@code bytes}
   * @param length how many bytes to append
   * @throws DigestMismatchException if this would exceed the expected size; the writer is then
   *     aborted
   * @throws StoreException on a storage failure; the writer is then aborted
   * @throws IllegalStateException after commit, abort or close
   */
  void write(byte[] bytes, int offset, int length);

  /**
   * Appends all of {@code bytes}; see {@link #write(byte[], int, int)}.
   *
   * @param bytes the bytes to append
   */
  default void write(byte[] bytes) {
    write(bytes, 0, bytes.length);
  }

  /**
   * Appends everything {@code in} yields, in {@value #TRANSFER_CHUNK}-byte chunks, without closing
   * it.
   *
   * @param in the stream to read until its end
   * @return the number of bytes transferred
   * @throws IOException if reading {@code in} fails (the writer stays open; close it to discard)
   */
  default long transferFrom(InputStream in) throws IOException {
    byte[] buffer = new byte[TRANSFER_CHUNK];
    long total = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      write(buffer, 0, n);
      total += n;
    }
    return total;
  }

  /**
   * How many bytes were written so far.
   *
   * @return the bytes written, from 0 to {@link #expectedSize()}
   */
  long bytesWritten();

  /**
   * Verifies size and digest and makes the blob visible. Returns normally also when the blob was
   * already present (another writer committed it first); the store then keeps the existing copy.
   *
   * @throws DigestMismatchException if size or digest differ; nothing becomes visible
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
