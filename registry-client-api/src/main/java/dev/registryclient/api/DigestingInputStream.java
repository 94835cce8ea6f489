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
 * Hashes what passes through and, at end of stream, checks size and digest against what was
 * expected. It fails as soon as more bytes arrive than expected, so a body that never ends does not
 * run on forever.
 *
 * <pre>{@code
 * try (InputStream in = new DigestingInputStream(body, descriptor.digest(), descriptor.size(), ctx)) {
 *   in.transferTo(out); // throws DigestMismatchException at EOF on a mismatch
 * }
 * }</pre>
 *
 * <p>Not thread-safe. {@code mark}/{@code reset} are not supported.
 */
public final class DigestingInputStream extends FilterInputStream {
  private final Digest expected;
  private final long expectedSize;
  private final ErrorContext context;
  private final MessageDigest messageDigest;
  private long count;
  private boolean verified;

  /**
   * @param in the stream to read
   * @param expected the digest the content must have
   * @param expectedSize the size in bytes the content must have, or {@code -1} if unknown
   * @param context where this stream belongs, for the exception message
   */
  public DigestingInputStream(
      InputStream in, Digest expected, long expectedSize, ErrorContext context) {
    super(Objects.requireNonNull(in, "in"));
    this.expected = Objects.requireNonNull(expected, "expected");
    this.expectedSize = expectedSize;
    this.context = Objects.requireNonNull(context, "context");
    this.messageDigest = expected.algorithm().newMessageDigest();
  }

  /** A verifying stream with a context that only names the {@link Phase#BLOB} phase. */
  public DigestingInputStream(InputStream in, Digest expected, long expectedSize) {
    this(in, expected, expectedSize, ErrorContext.of(Phase.BLOB));
  }

  /** How many bytes have been read so far. */
  public long count() {
    return count;
  }

  /** Whether end of stream was reached and the content matched. */
  public boolean verified() {
    return verified;
  }

  @Override
  public int read() throws IOException {
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
    if (expectedSize >= 0 && count > expectedSize) {
      throw new DigestMismatchException(
          context,
          expected + " of " + expectedSize + " bytes",
          "more than " + expectedSize + " bytes");
    }
  }

  private void verifyAtEnd() {
    if (verified) {
      return;
    }
    if (expectedSize >= 0 && count != expectedSize) {
      throw new DigestMismatchException(
          context, expected + " of " + expectedSize + " bytes", count + " bytes");
    }
    Digest actual = Digest.fromBytes(expected.algorithm(), messageDigest.digest());
    if (!actual.equals(expected)) {
      throw new DigestMismatchException(context, expected.toString(), actual.toString());
    }
    verified = true;
  }
}
