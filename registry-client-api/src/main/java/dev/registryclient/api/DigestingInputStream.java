package dev.registryclient.api;

import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * Hashes what passes through and checks size and digest against what was expected. It fails as soon
 * as more bytes arrive than expected, so a body that never ends does not run on forever. With a
 * known size the digest is checked on the read that completes it, so a caller that reads exactly
 * {@code expectedSize} bytes and never asks for end of stream is still protected; bytes after that
 * point, or an early end of stream, fail too.
 *
 * <pre>{@code
 * try (InputStream in = new DigestingInputStream(body, descriptor.digest(), descriptor.size(), ctx)) {
 *   in.transferTo(out); // throws DigestMismatchException on a mismatch
 * }
 * }</pre>
 *
 * <p>Once it has thrown, every further read throws the same exception. Not thread-safe. {@code
 * mark}/{@code reset} are not supported.
 */
public final class DigestingInputStream extends FilterInputStream {
  private final Digest expected;
  private final long expectedSize;
  private final ErrorContext context;
  private final MessageDigest messageDigest;
  private long count;
  private boolean verified;
  private DigestMismatchException failure;

  /**
   * @param in the stream to read
   * @param expected the digest the content must have
   * @param expectedSize the size in bytes the content must have, or {@code -1} if unknown
   * @param context where this stream belongs, for the exception message
   * @throws IllegalArgumentException if {@code expectedSize} is below {@code -1}
   */
  public DigestingInputStream(
      InputStream in, Digest expected, long expectedSize, ErrorContext context) {
    super(Objects.requireNonNull(in, "in"));
    this.expected = Objects.requireNonNull(expected, "expected");
    if (expectedSize < -1) {
      throw new IllegalArgumentException(
          "expected size must be -1 (unknown) or at least 0, got " + expectedSize);
    }
    this.expectedSize = expectedSize;
    this.context = Objects.requireNonNull(context, "context");
    this.messageDigest = expected.algorithm().newMessageDigest();
  }

  /**
   * A verifying stream with a context that only names the {@link Phase#BLOB} phase.
   *
   * @param in the stream to read
   * @param expected the digest the content must have
   * @param expectedSize the size in bytes the content must have, or {@code -1} if unknown
   * @throws IllegalArgumentException if {@code expectedSize} is below {@code -1}
   */
  public DigestingInputStream(InputStream in, Digest expected, long expectedSize) {
    this(in, expected, expectedSize, ErrorContext.of(Phase.BLOB));
  }

  /**
   * How many bytes have been read so far.
   *
   * @return the number of bytes read through this stream
   */
  public long count() {
    return count;
  }

  /**
   * Whether the content has been checked and matched: at end of stream, or, with a known size, as
   * soon as that many bytes were read.
   *
   * @return {@code true} once size and digest have been checked and matched
   */
  public boolean verified() {
    return verified;
  }

  @Override
  public int read() throws IOException {
    throwIfFailed();
    int b = super.read();
    if (b < 0) {
      verifyAtEnd();
    } else {
      messageDigest.update((byte) b);
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    throwIfFailed();
    int n = super.read(buf, off, len);
    if (n < 0) {
      verifyAtEnd();
    } else if (n > 0) {
      messageDigest.update(buf, off, n);
      advance(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // skipping would leave bytes unhashed; read them instead
    byte[] sink = new byte[(int) Math.min(8192, Math.max(n, 1))];
    long skipped = 0;
    while (skipped < n) {
      int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {
    // not supported: see markSupported()
  }

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  private void advance(int n) {
    count += n;
    if (expectedSize < 0) {
      return;
    }
    if (count > expectedSize) {
      verified = false;
      throw fail(
          expected + " of " + expectedSize + " bytes", "more than " + expectedSize + " bytes");
    }
    if (count == expectedSize) {
      verifyDigest();
    }
  }

  private void verifyAtEnd() {
    if (expectedSize >= 0 && count != expectedSize) {
      throw fail(expected + " of " + expectedSize + " bytes", count + " bytes");
    }
    if (!verified) {
      verifyDigest(); // unknown size, or an expected size of 0
    }
  }

  private void verifyDigest() {
    Digest actual = Digest.fromBytes(expected.algorithm(), messageDigest.digest());
    if (!actual.equals(expected)) {
      throw fail(expected.toString(), actual.toString());
    }
    verified = true;
  }

  private DigestMismatchException fail(String wanted, String got) {
    failure = new DigestMismatchException(context, wanted, got);
    return failure;
  }

  private void throwIfFailed() {
    if (failure != null) {
      throw failure;
    }
  }
}
