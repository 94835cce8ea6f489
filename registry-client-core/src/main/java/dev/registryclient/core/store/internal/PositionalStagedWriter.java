package dev.registryclient.core.store.internal;

import dev.registryclient.api.Digest;
import dev.registryclient.api.store.PositionalBlobWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A {@link PositionalBlobWriter} over a {@link StagingFile}. Each write lands at its offset with a
 * positional file write, outside any lock; then, under the lock, its range joins {@link
 * WrittenRanges}. The thread whose write extends the contiguous prefix becomes the one hasher until
 * no written stretch continues it: it hashes its own array directly when its write starts the
 * stretch (the common case of the first segment) and reads the rest back from the file (the page
 * cache) through one 256 KiB buffer, so memory stays bounded whatever the write order.
 */
public final class PositionalStagedWriter implements PositionalBlobWriter {
  private static final int READ_BACK_SIZE = 256 * 1024;

  private enum State {
    OPEN,
    COMMITTED,
    ABORTED,
    CLOSED
  }

  private final Digest expected;
  private final long expectedSize;
  private final Path target;
  private final StagingFile staging;
  private final boolean fsync;
  private final Consumer<ByteBuffer> inOrder;
  private final MessageDigest hash;
  private final Object lock = new Object();
  private final WrittenRanges ranges = new WrittenRanges(); // guarded by lock
  private boolean hashing; // guarded by lock: one thread hashes at a time
  private long hashed; // guarded by lock
  private ByteBuffer readBack; // only the hasher touches it
  private volatile State state = State.OPEN;
  private volatile RuntimeException failure;

  /**
   * @param target where the blob becomes visible on commit
   * @param staging the private file receiving the bytes, opened for reading too; this writer owns
   *     it
   * @param fsync whether to force file and directory to the device before reporting success
   * @param inOrder told every byte once, in order (see {@link
   *     dev.registryclient.api.store.PositionalWrites#writer(Digest, long, Consumer)})
   */
  public PositionalStagedWriter(
      Digest expected,
      long expectedSize,
      Path target,
      StagingFile staging,
      boolean fsync,
      Consumer<ByteBuffer> inOrder) {
    this.expected = Objects.requireNonNull(expected, "expected");
    if (expectedSize < 0) {
      throw new IllegalArgumentException(
          "expectedSize must not be negative: " + expectedSize + " for " + expected);
    }
    this.expectedSize = expectedSize;
    this.target = Objects.requireNonNull(target, "target");
    this.staging = Objects.requireNonNull(staging, "staging");
    this.fsync = fsync;
    this.inOrder = Objects.requireNonNull(inOrder, "inOrder");
    this.hash = expected.algorithm().newMessageDigest();
  }

  @Override
  public Digest expectedDigest() {
    return expected;
  }

  @Override
  public long expectedSize() {
    return expectedSize;
  }

  @Override
  public void write(long position, byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    requireOpen();
    if (length == 0) {
      return;
    }
    if (position < 0) {
      throw fail(new IllegalArgumentException("negative position " + position));
    }
    if (position > expectedSize - length) {
      throw fail(
          StoreErrors.mismatch(
              target,
              expected + " of " + expectedSize + " bytes",
              "bytes up to " + (position + length)));
    }
    try {
      staging.write(ByteBuffer.wrap(bytes, offset, length), position);
    } catch (IOException e) {
      throw fail(StoreErrors.io("write", expected, staging.path(), e));
    }
    long end = position + length;
    OptionalLong stretch;
    synchronized (lock) {
      try {
        ranges.add(position, end);
      } catch (IllegalArgumentException e) {
        throw fail(e);
      }
      if (hashing) {
        return; // the hasher will reach these bytes
      }
      stretch = ranges.claimNext();
      if (stretch.isEmpty()) {
        return; // a gap before these bytes: a later write will hash them
      }
      hashing = true;
    }
    try {
      hashFrom(stretch.getAsLong(), position, bytes, offset, length);
    } catch (IOException e) {
      throw fail(StoreErrors.io("read back", expected, staging.path(), e));
    } catch (RuntimeException e) {
      throw fail(e);
    }
  }

  /**
   * Hashes the claimed stretch ending at {@code end}, then every stretch that continues it, until
   * none does; {@code bytes} at {@code position} are this thread's own write, hashed from the array
   * instead of the file where they fall in the stretch.
   */
  private void hashFrom(long end, long position, byte[] bytes, int offset, int length)
      throws IOException {
    long from = hashedSoFar();
    long until = end;
    while (true) {
      if (from == position) {
        digest(ByteBuffer.wrap(bytes, offset, length));
        from += length;
      }
      readBackAndDigest(from, until);
      synchronized (lock) {
        hashed = until;
        OptionalLong next = ranges.claimNext();
        if (next.isEmpty()) {
          hashing = false;
          return;
        }
        from = until;
        until = next.getAsLong();
      }
    }
  }

  private long hashedSoFar() {
    synchronized (lock) {
      return hashed;
    }
  }

  private void readBackAndDigest(long from, long until) throws IOException {
    if (from >= until) {
      return;
    }
    if (readBack == null) {
      readBack = ByteBuffer.allocate(READ_BACK_SIZE);
    }
    long at = from;
    while (at < until) {
      readBack.clear().limit((int) Math.min(readBack.capacity(), until - at));
      while (readBack.hasRemaining()) {
        int n = staging.read(readBack, at + readBack.position());
        if (n < 0) {
          throw new IOException("staging file ends at " + (at + readBack.position()));
        }
      }
      readBack.flip();
      at += readBack.remaining();
      digest(readBack);
    }
  }

  private void digest(ByteBuffer chunk) {
    hash.update(chunk.duplicate());
    inOrder.accept(chunk.asReadOnlyBuffer());
  }

  @Override
  public long hashedBytes() {
    return hashedSoFar();
  }

  @Override
  public void commit() {
    requireOpen();
    long done = hashedSoFar();
    if (done != expectedSize) {
      throw fail(
          StoreErrors.mismatch(
              target,
              expected + " of " + expectedSize + " bytes",
              done + " contiguous bytes from offset 0"));
    }
    Digest actual = Digest.fromBytes(expected.algorithm(), hash.digest());
    if (!actual.equals(expected)) {
      throw fail(StoreErrors.mismatch(target, expected.toString(), actual.toString()));
    }
    try {
      if (fsync) {
        staging.sync();
      }
      staging.publish(target, fsync);
    } catch (IOException e) {
      throw fail(StoreErrors.io("commit", expected, target, e));
    } catch (RuntimeException e) {
      throw fail(e);
    }
    state = State.COMMITTED;
  }

  @Override
  public void abort() {
    finish(State.ABORTED);
  }

  @Override
  public void close() {
    finish(State.CLOSED);
  }

  private void finish(State end) {
    synchronized (lock) {
      if (state != State.OPEN) {
        return;
      }
      state = end;
    }
    staging.discard();
  }

  /** Aborts and returns {@code e} for throwing; the first failure is kept as the cause. */
  private RuntimeException fail(RuntimeException e) {
    synchronized (lock) {
      if (failure == null) {
        failure = e;
      }
    }
    abort();
    return e;
  }

  private void requireOpen() {
    State now = state;
    if (now != State.OPEN) {
      throw new IllegalStateException(
          "positional writer for "
              + expected
              + " is already "
              + now.name().toLowerCase(Locale.ROOT)
              + (failure == null ? "" : " after a failure"),
          failure);
    }
  }

  @Override
  public String toString() {
    return "PositionalBlobWriter["
        + expected
        + ", "
        + hashedSoFar()
        + "/"
        + expectedSize
        + " bytes hashed, "
        + state.name().toLowerCase(Locale.ROOT)
        + "]";
  }
}
