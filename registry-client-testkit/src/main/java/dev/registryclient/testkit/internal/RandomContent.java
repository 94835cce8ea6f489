package dev.registryclient.testkit.internal;

import java.io.InputStream;
import java.util.SplittableRandom;

/**
 * A stream of {@code size} pseudo-random bytes from a seed, generated as read (never in memory).
 */
public final class RandomContent extends InputStream {
  private final SplittableRandom random;
  private long remaining;
  private final byte[] block = new byte[8192];

  /** {@code size} bytes determined by {@code seed}. */
  public RandomContent(long size, long seed) {
    this.random = new SplittableRandom(seed);
    this.remaining = size;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (remaining <= 0) {
      return -1;
    }
    int n = (int) Math.min(Math.min(len, remaining), block.length);
    random.nextBytes(block);
    System.arraycopy(block, 0, b, off, n);
    remaining -= n;
    return n;
  }
}
