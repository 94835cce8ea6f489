package dev.registryclient.testkit.store;

import dev.registryclient.api.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;

/**
 * Deterministic pseudo-random content of any size, produced on the fly, so tests can stream
 * gigabytes without holding them in memory.
 *
 * <pre>{@code
 * GeneratedBlob blob = GeneratedBlob.of(64 << 20, 42);
 * try (BlobWriter w = store.writer(blob.digest(), blob.size())) {
 *   w.transferFrom(blob.open());
 *   w.commit();
 * }
 * }</pre>
 */
public final class GeneratedBlob {
  private final long size;
  private final long seed;
  private Digest digest;

  private GeneratedBlob(long size, long seed) {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
    this.size = size;
    this.seed = seed;
  }

  /**
   * Content of {@code size} bytes determined by {@code seed}.
   *
   * @param size the content's length in bytes; not negative
   * @param seed the generator's seed; equal seeds and sizes give equal content
   * @return the blob, nothing generated yet
   * @throws IllegalArgumentException if {@code size} is negative
   */
  public static GeneratedBlob of(long size, long seed) {
    return new GeneratedBlob(size, seed);
  }

  /**
   * The number of bytes.
   *
   * @return the content's length in bytes
   */
  public long size() {
    return size;
  }

  /**
   * A fresh stream of the content.
   *
   * @return a new stream of the content from its start
   */
  public InputStream open() {
    return new Generator(size, seed);
  }

  /**
   * The SHA-256 digest of the content, computed by streaming it once and then cached.
   *
   * @return the content's SHA-256 digest
   */
  public synchronized Digest digest() {
    if (digest == null) {
      digest = digestOf(open());
    }
    return digest;
  }

  /**
   * Streams {@code in} to its end and returns its SHA-256 digest; closes it.
   *
   * @param in the stream to digest; closed afterwards
   * @return the SHA-256 digest of the bytes read
   * @throws UncheckedIOException if reading {@code in} fails
   */
  public static Digest digestOf(InputStream in) {
    MessageDigest md = Digest.Algorithm.SHA256.newMessageDigest();
    byte[] buffer = new byte[64 * 1024];
    try (in) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        md.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Digest.fromBytes(Digest.Algorithm.SHA256, md.digest());
  }

  /** xorshift64: fast, deterministic, and not all zeros, so digests differ per seed. */
  private static final class Generator extends InputStream {
    private long remaining;
    private long state;

    Generator(long size, long seed) {
      this.remaining = size;
      this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (remaining == 0) {
        return -1;
      }
      int n = (int) Math.min(len, remaining);
      for (int i = 0; i < n; i++) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        b[off + i] = (byte) state;
      }
      remaining -= n;
      return n;
    }
  }
}
