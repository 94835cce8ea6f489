package dev.registryclient.oci.pull;

import dev.registryclient.api.Digest;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.api.store.PositionalBlobWriter;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * A segmented download seen as a {@link BlobWriter}, so a {@link BlobWriterHook} (the diff_id
 * check) can wrap it as it wraps a single stream's writer. The ranges are stored by the {@link
 * PositionalBlobWriter} at their offsets; this writer is that writer's in-order observer and hands
 * the hook's wrapper every byte once, in order. Its own {@link #write} stores nothing (the bytes
 * are stored already) and only counts; {@link #commit()} commits the positional writer, so a
 * wrapper that checks after its inner commit, as the diff_id check does, still runs after the
 * blob's own size and digest check.
 *
 * <pre>{@code
 * HookedPositionalWriter hooked = new HookedPositionalWriter();
 * try (PositionalBlobWriter positional = store.writer(digest, size, hooked);
 *     BlobWriter writer = hooked.wrappedBy(hook, task, positional, context)) {
 *   // ranges written into positional on several threads ...
 *   writer.commit();
 * }
 * }</pre>
 */
final class HookedPositionalWriter implements BlobWriter, Consumer<ByteBuffer> {
  private PositionalBlobWriter positional;
  private BlobWriter outer; // the hook's wrapper; null when the hook added nothing
  private byte[] scratch = new byte[0]; // the observer is never called concurrently with itself
  private long written;

  /**
   * Attaches the positional writer this observes, lets {@code hook} wrap this writer, and returns
   * the writer to commit: the wrapper, or this.
   */
  BlobWriter wrappedBy(
      BlobWriterHook hook,
      BlobTask task,
      PositionalBlobWriter target,
      dev.registryclient.api.exception.ErrorContext context) {
    this.positional = target;
    BlobWriter wrapper = hook.wrap(task, this, context);
    this.outer = wrapper == this ? null : wrapper;
    return wrapper;
  }

  /** Called by the positional writer with the next bytes in order. */
  @Override
  public void accept(ByteBuffer chunk) {
    if (outer == null) {
      return; // nobody wraps: no copy
    }
    int n = chunk.remaining();
    if (scratch.length < n) {
      scratch = new byte[n];
    }
    chunk.get(scratch, 0, n);
    outer.write(scratch, 0, n);
  }

  @Override
  public Digest expectedDigest() {
    return positional.expectedDigest();
  }

  @Override
  public long expectedSize() {
    return positional.expectedSize();
  }

  /** Counts bytes the wrapper passes on; they are in the positional writer already. */
  @Override
  public void write(byte[] bytes, int offset, int length) {
    written += length;
  }

  @Override
  public long bytesWritten() {
    return outer == null ? positional.hashedBytes() : written;
  }

  @Override
  public void commit() {
    positional.commit();
  }

  @Override
  public void abort() {
    positional.abort();
  }

  @Override
  public void close() {
    positional.close();
  }
}
