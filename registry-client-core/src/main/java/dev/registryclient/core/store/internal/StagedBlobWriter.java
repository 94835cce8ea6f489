package dev.registryclient.core.store.internal;

import dev.registryclient.api.Digest;
import dev.registryclient.api.store.VerifyingBlobWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@link VerifyingBlobWriter} over a {@link StagingFile}: buffers bytes into 64 KiB writes, and
 * once the blob is verified fsyncs and publishes it.
 */
public final class StagedBlobWriter extends VerifyingBlobWriter {
  private static final int BUFFER_SIZE = 64 * 1024;

  private final Path target;
  private final StagingFile staging;
  private final boolean fsync;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);

  /**
   * @param target where the blob becomes visible on commit
   * @param staging the private file receiving the bytes; this writer owns it
   * @param fsync whether to force file and directory to the device before reporting success
   */
  public StagedBlobWriter(
      Digest expected, long expectedSize, Path target, StagingFile staging, boolean fsync) {
    super(expected, expectedSize, "store " + Objects.requireNonNull(target, "target"));
    this.target = target;
    this.staging = Objects.requireNonNull(staging, "staging");
    this.fsync = fsync;
  }

  @Override
  protected void writeBytes(byte[] bytes, int offset, int length) {
    try {
      bufferOrWrite(bytes, offset, length);
    } catch (IOException e) {
      throw StoreErrors.io("write", expectedDigest(), staging.path(), e);
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
  protected void publish() {
    try {
      flush();
      if (fsync) {
        staging.sync();
      }
      staging.publish(target, fsync);
    } catch (IOException e) {
      throw StoreErrors.io("commit", expectedDigest(), target, e);
    }
  }

  @Override
  protected void discard() {
    staging.discard();
  }
}
