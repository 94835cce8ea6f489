package dev.registryclient.api.store;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.StoreException;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@link BlobWriter} that does every check the contract asks for, so a custom store only says
 * where bytes go. It hashes each chunk once as it arrives, fails (and aborts) as soon as more bytes
 * come than expected, compares size and digest on {@link #commit()}, and keeps the state machine:
 * open, then committed, aborted or closed, with {@link IllegalStateException} for any write or
 * commit after that and a {@link #close()} that never throws for a finished writer.
 *
 * <p>A subclass implements three hooks, each called only while the writer is open:
 *
 * <ul>
 *   <li>{@link #writeBytes} receives the bytes after the size check (and after hashing); it may
 *       buffer them.
 *   <li>{@link #publish} makes the blob visible, once, and only after size and digest matched. If
 *       the blob is already present (another writer won), it keeps that copy and returns normally.
 *   <li>{@link #discard} throws away whatever {@code writeBytes} stored; called at most once, on
 *       {@link #abort()}, on {@link #close()} without commit, or after a failed check or hook (also
 *       when {@code publish} failed halfway).
 * </ul>
 *
 * <p>An {@link IOException} from {@code writeBytes} or {@code publish} aborts the writer and is
 * rethrown as a {@link StoreException} naming the digest and the store; an unchecked exception
 * (such as a {@code StoreException} of the store's own) aborts it and propagates as is.
 *
 * <pre>{@code
 * // BlobStore.writer(expected, size) returns new DirectoryWriter(dir, expected, size)
 * final class DirectoryWriter extends VerifyingBlobWriter {
 *   private final Path dir;
 *   private final Path staged;
 *   private final OutputStream out;
 *
 *   DirectoryWriter(Path dir, Digest expected, long expectedSize) throws IOException {
 *     super(expected, expectedSize, "store " + dir);
 *     this.dir = dir;
 *     this.staged = Files.createTempFile(dir, expected.hex(), ".part");
 *     this.out = Files.newOutputStream(staged);
 *   }
 *
 *   protected void writeBytes(byte[] bytes, int offset, int length) throws IOException {
 *     out.write(bytes, offset, length);
 *   }
 *
 *   protected void publish() throws IOException {
 *     out.close();
 *     Path target = dir.resolve(expectedDigest().hex());
 *     if (Files.exists(target)) {
 *       Files.delete(staged); // another writer was first, with the same bytes
 *     } else {
 *       Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
 *     }
 *   }
 *
 *   protected void discard() {
 *     try {
 *       out.close();
 *       Files.deleteIfExists(staged);
 *     } catch (IOException e) {
 *       // left for a cleaner: discarding must not fail
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>Not thread-safe, like every {@link BlobWriter}: one writer belongs to one thread at a time.
 */
public abstract class VerifyingBlobWriter implements BlobWriter {
  private static final ErrorContext CONTEXT = ErrorContext.of(Phase.STORE);

  private enum State {
    OPEN,
    COMMITTED,
    ABORTED,
    CLOSED
  }

  private final Digest expected;
  private final long expectedSize;
  private final String where;
  private final MessageDigest hash;
  private long written;
  private State state = State.OPEN;

  /**
   * A writer that accepts exactly {@code expectedSize} bytes hashing to {@code expected}.
   *
   * @param expected the digest the content must hash to
   * @param expectedSize the exact size of the content in bytes
   * @param where what the bytes are written into, for error messages, e.g. {@code "store
   *     /var/cache/blobs"}
   * @throws IllegalArgumentException if {@code expectedSize} is negative
   */
  protected VerifyingBlobWriter(Digest expected, long expectedSize, String where) {
    this.expected = Objects.requireNonNull(expected, "expected");
    if (expectedSize < 0) {
      throw new IllegalArgumentException(
          "expectedSize must not be negative: " + expectedSize + " for " + expected);
    }
    this.expectedSize = expectedSize;
    this.where = Objects.requireNonNull(where, "where");
    this.hash = expected.algorithm().newMessageDigest();
  }

  /**
   * Stores {@code length} bytes of {@code bytes} from {@code offset}. They passed the size check
   * and are hashed already; the array is the caller's and may be reused once this returns.
   *
   * @param bytes the caller's buffer
   * @param offset the index of the first byte in {@code bytes}
   * @param length how many bytes to store
   * @throws IOException if storing fails; the writer is then aborted and a {@link StoreException}
   *     thrown
   */
  protected abstract void writeBytes(byte[] bytes, int offset, int length) throws IOException;

  /**
   * Makes the blob visible: called once, after all bytes were written and size and digest matched.
   * If the blob is already present, keep the existing copy, discard the new bytes and return
   * normally.
   *
   * @throws IOException if publishing fails; the writer is then aborted and a {@link
   *     StoreException} thrown
   */
  protected abstract void publish() throws IOException;

  /**
   * Throws away what {@link #writeBytes} stored. Called at most once, and never after {@link
   * #publish} returned; it is called when {@code publish} threw, so it must cope with a half-done
   * publish. Must not throw: a failure to clean up is left for a later cleanup.
   */
  protected abstract void discard();

  @Override
  public final Digest expectedDigest() {
    return expected;
  }

  @Override
  public final long expectedSize() {
    return expectedSize;
  }

  @Override
  public final long bytesWritten() {
    return written;
  }

  @Override
  public final void write(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    requireOpen();
    if (length > expectedSize - written) {
      abort(); // fail early: a body that lies about its size must not fill the store
      throw mismatch(
          expected + " of " + expectedSize + " bytes", "more than " + expectedSize + " bytes");
    }
    hash.update(bytes, offset, length);
    written += length;
    try {
      writeBytes(bytes, offset, length);
    } catch (IOException e) {
      abort();
      throw storeFailure("write", e);
    } catch (RuntimeException | Error e) {
      abort();
      throw e;
    }
  }

  @Override
  public final void commit() {
    requireOpen();
    if (written != expectedSize) {
      abort();
      throw mismatch(expected + " of " + expectedSize + " bytes", written + " bytes");
    }
    Digest actual = Digest.fromBytes(expected.algorithm(), hash.digest());
    if (!actual.equals(expected)) {
      abort();
      throw mismatch(expected.toString(), actual.toString());
    }
    try {
      publish();
    } catch (IOException e) {
      abort();
      throw storeFailure("publish", e);
    } catch (RuntimeException | Error e) {
      abort();
      throw e;
    }
    state = State.COMMITTED;
  }

  @Override
  public final void abort() {
    finish(State.ABORTED);
  }

  /** Aborts unless committed; a no-op for a finished writer. */
  @Override
  public final void close() {
    finish(State.CLOSED);
  }

  private void finish(State end) {
    if (state == State.OPEN) {
      state = end; // before discard(), so a throwing discard is never called twice
      discard();
    }
  }

  private void requireOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          "writer for " + expected + " is already " + state.name().toLowerCase(Locale.ROOT));
    }
  }

  private StoreException storeFailure(String action, IOException cause) {
    return new StoreException(
        CONTEXT, "cannot " + action + " blob " + expected + " in " + where + ": " + cause, cause);
  }

  private DigestMismatchException mismatch(String want, String got) {
    return new DigestMismatchException(CONTEXT, where, want, got);
  }

  @Override
  public String toString() {
    return "BlobWriter["
        + expected
        + ", "
        + written
        + "/"
        + expectedSize
        + " bytes, "
        + state.name().toLowerCase(Locale.ROOT)
        + "]";
  }
}
