package dev.registryclient.oci.layer;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * zstd decoded as it is pushed, with zstd-jni's streaming context (native libzstd): chunks are
 * copied into a direct input buffer and decompressed into a direct output buffer that goes to the
 * digest. Concatenated frames and skippable frames are handled by libzstd; the input must end at a
 * frame boundary. libzstd refuses frames whose window exceeds its default limit (128 MiB), which
 * bounds the native memory one layer can claim whatever its header says.
 *
 * <p>zstd-jni is an optional dependency of this module ({@code requires static}): without it on the
 * class or module path, or where its native library cannot load, {@link ZstdAvailability} says so
 * and zstd layers are reported as not checked instead of failing the pull.
 */
final class ZstdLayerDecoder implements LayerDecoder {
  private static final int BUFFER = 128 * 1024; // about ZSTD_DStreamInSize / ZSTD_DStreamOutSize

  private final MessageDigest uncompressed;
  private final ZstdDecompressCtx context;
  private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER);
  private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER);
  private boolean atFrameEnd = true;
  private long consumed;
  private boolean closed;

  private ZstdLayerDecoder(MessageDigest uncompressed) {
    this.uncompressed = uncompressed;
    this.context = new ZstdDecompressCtx();
  }

  /** A decoder; only after {@link ZstdAvailability#unavailableReason()} found none. */
  static LayerDecoder open(MessageDigest uncompressed) {
    return new ZstdLayerDecoder(uncompressed);
  }

  @Override
  public void decode(byte[] bytes, int offset, int length) throws CorruptLayerException {
    int pos = offset;
    int end = offset + length;
    while (pos < end) {
      int n = Math.min(end - pos, in.remaining());
      in.put(bytes, pos, n);
      pos += n;
      in.flip();
      drain();
      in.compact();
    }
  }

  /** Decompresses everything {@code in} holds, and everything libzstd still buffers. */
  private void drain() throws CorruptLayerException {
    boolean more = true;
    while (more) {
      int before = in.position();
      out.clear();
      try {
        atFrameEnd = context.decompressDirectByteBufferStream(out, in);
      } catch (ZstdException e) {
        throw new CorruptLayerException(
            "corrupt zstd data near compressed byte " + consumed + ": " + e.getMessage(), e);
      }
      int used = in.position() - before;
      consumed += used;
      boolean outputFull = !out.hasRemaining();
      out.flip();
      int produced = out.remaining();
      uncompressed.update(out);
      if (used == 0 && produced == 0 && in.hasRemaining()) {
        throw new CorruptLayerException("zstd data makes no progress at byte " + consumed);
      }
      more = in.hasRemaining() || outputFull;
    }
  }

  @Override
  public void finish() throws CorruptLayerException {
    if (consumed == 0) {
      throw new CorruptLayerException("empty: not zstd");
    }
    if (!atFrameEnd) {
      throw new CorruptLayerException("zstd data ends early (inside a frame) at byte " + consumed);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      context.close();
    }
  }
}
