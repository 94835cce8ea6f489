package dev.registryclient.benchmarks.store;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.BlobNotFoundInStoreException;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A store that verifies what it is given (size and SHA-256, like a real store) and then forgets it.
 * Benchmarks write into it to measure network and hashing without the disk.
 *
 * <pre>{@code
 * BlobStore store = new DiscardingBlobStore();
 * try (BlobWriter w = store.writer(digest, size)) {
 *   w.transferFrom(body);
 *   w.commit(); // hashes were checked; nothing was kept
 * }
 * }</pre>
 *
 * <p>It never holds a blob, so every pull into it downloads everything. Thread-safe.
 */
public final class DiscardingBlobStore implements BlobStore {
  private static final ErrorContext CONTEXT = ErrorContext.of(Phase.BLOB);

  @Override
  public boolean exists(Digest digest) {
    return false;
  }

  @Override
  public OptionalLong size(Digest digest) {
    return OptionalLong.empty();
  }

  @Override
  public InputStream open(Digest digest) {
    throw new BlobNotFoundInStoreException(CONTEXT, digest.toString(), toString());
  }

  @Override
  public BlobWriter writer(Digest expected, long expectedSize) {
    if (expectedSize < 0) {
      throw new IllegalArgumentException("expectedSize must not be negative: " + expectedSize);
    }
    return new VerifyingWriter(expected, expectedSize);
  }

  @Override
  public boolean delete(Digest digest) {
    return false;
  }

  @Override
  public Stream<Digest> list() {
    return Stream.empty();
  }

  @Override
  public String toString() {
    return "DiscardingBlobStore";
  }

  /** Hashes and counts; commit compares. */
  private static final class VerifyingWriter implements BlobWriter {
    private final Digest expected;
    private final long expectedSize;
    private final MessageDigest hash;
    private long written;
    private boolean finished;

    VerifyingWriter(Digest expected, long expectedSize) {
      this.expected = expected;
      this.expectedSize = expectedSize;
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
    public void write(byte[] bytes, int offset, int length) {
      if (finished) {
        throw new IllegalStateException("writer for " + expected + " is finished");
      }
      if (written + length > expectedSize) {
        finished = true;
        throw new DigestMismatchException(
            CONTEXT, expectedSize + " bytes", "more than " + expectedSize + " bytes");
      }
      hash.update(bytes, offset, length);
      written += length;
    }

    @Override
    public long bytesWritten() {
      return written;
    }

    @Override
    public void commit() {
      if (finished) {
        throw new IllegalStateException("writer for " + expected + " is finished");
      }
      finished = true;
      if (written != expectedSize) {
        throw new DigestMismatchException(CONTEXT, expectedSize + " bytes", written + " bytes");
      }
      Digest actual = Digest.fromBytes(expected.algorithm(), hash.digest());
      if (!actual.equals(expected)) {
        throw new DigestMismatchException(CONTEXT, expected.toString(), actual.toString());
      }
    }

    @Override
    public void abort() {
      finished = true;
    }

    @Override
    public void close() {
      finished = true;
    }
  }
}
