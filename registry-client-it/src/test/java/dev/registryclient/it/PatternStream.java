package dev.registryclient.it;

import java.io.InputStream;

/** {@code size} deterministic pseudo-random bytes, generated on the fly (never held in memory). */
final class PatternStream extends InputStream {
  private final long size;
  private long position;
  private long state;

  PatternStream(long size, long seed) {
    this.size = size;
    this.state = seed;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (position >= size) {
      return -1;
    }
    int n = (int) Math.min(length, size - position);
    for (int i = 0; i < n; i++) {
      // xorshift: fast, and no two 64 KiB chunks alike
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      buffer[offset + i] = (byte) state;
    }
    position += n;
    return n;
  }
}
