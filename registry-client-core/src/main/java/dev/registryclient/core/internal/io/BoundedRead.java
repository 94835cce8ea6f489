package dev.registryclient.core.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads at most a fixed number of bytes of a stream, so an error body or token response of any size
 * costs bounded memory.
 *
 * @param bytes the bytes read, at most the limit
 * @param truncated whether the stream had more than the limit
 */
public record BoundedRead(byte[] bytes, boolean truncated) {

  /** Reads up to {@code limit} bytes, and one more to learn whether the stream was longer. */
  public static BoundedRead of(InputStream in, int limit) throws IOException {
    byte[] buf = in.readNBytes(limit + 1);
    boolean truncated = buf.length > limit;
    return new BoundedRead(truncated ? Arrays.copyOf(buf, limit) : buf, truncated);
  }
}
