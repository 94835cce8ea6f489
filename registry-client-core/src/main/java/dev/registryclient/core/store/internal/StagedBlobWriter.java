package dev.registryclient.core.store.internal;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.store.BlobWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;

/**
 * A {@link BlobWriter} over a {@link StagingFile}: hashes as bytes arrive, buffers them into 64 KiB
 * writes, and on commit checks size and digest, fsyncs, and publishes.
 */
public final class StagedBlobWriter implements BlobWriter {
  private static final int BUFFER_SIZE = 64 * 1024;

  private enum State {
    OPEN,
    COMMITTED,
    ABORTED
  }

  private final Digest expected;
  private final long expectedSize;
  private final Path target;
  private final StagingFile staging;
  private final boolean fsync;
  private final MessageDigest hash;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
  private long written;
  private State state = State.OPEN;

  /**
   * @param target where the blob becomes visible on commit
   * @param staging the private file receiving the bytes; this writer owns it
   * @param fsync whether to force file and directory to the device before reporting success
   */
  public StagedBlobWriter(
      Digest expected, long expectedSize, Path target, StagingFile staging, boolean fsync) {
    this.expected = Objects.requireNonNull(expected, "expected");
    this.expectedSize = expectedSize;
    this.target = Objects.requireNonNull(target, "target");
    this.staging = Objects.requireNonNull(staging, "staging");
    this.fsync = fsync;
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
  public long bytesWritten() {
    return written;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    requireOpen();
    if (length > expectedSize - written) {
      abort(); // fail early: a body that lies about its size must not fill the disk
      throw mismatch(expected + " of " + expectedSize + " bytes", "more than " + expectedSize);
    }
    hash.update(bytes, offset, length);
    written += length;
    try {
      bufferOrWrite(bytes, offset, length);
    } catch (IOException e) {
      abort();
      throw StoreErrors.io("write", expected, staging.path(), e);
    }
  }

  private void bufferOrWrite(byte[] bytes, int offset, int length) throws IOException {
    if (length >= BUFFER_SIZE && buffer.position() == 0) {
      staging.write(ByteBuffer.wrap(bytes, offset, length)); // already a big chunk: no copy
      return;
    }
    int done = 0;
    while (done < length) {
      int n = Math.min(buffer.remaining(), length - done);
      buffer.put(bytes, offset + done, n);
      done += n;
      if (!buffer.hasRemaining()) {
        flush();
      }
    }
  }

  private void flush() throws IOException {
    buffer.flip();
    staging.write(buffer);
    buffer.clear();
  }

  @Override
  public void commit() {
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
      flush();
      if (fsync) {
        staging.sync();
      }
      staging.publish(target, fsync);
      state = State.COMMITTED;
    } catch (IOException e) {
      abort();
      throw StoreErrors.io("commit", expected, target, e);
    }
  }

  @Override
  public void abort() {
    if (state == State.OPEN) {
      state = State.ABORTED;
      staging.discard();
    }
  }

  @Override
  public void close() {
    abort();
  }

  private void requireOpen() {
    if (state != State.OPEN) {
      throw new IllegalStateException(
          "writer for " + expected + " is already " + state.name().toLowerCase(Locale.ROOT));
    }
  }

  private DigestMismatchException mismatch(String want, String got) {
    return StoreErrors.mismatch(target, want, got);
  }
}
