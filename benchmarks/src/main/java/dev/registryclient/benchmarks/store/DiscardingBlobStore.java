package dev.registryclient.benchmarks.store;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.BlobNotFoundInStoreException;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A store that verifies what it is given (size and SHA-256, like a real store) and then forgets it,
 * except for small blobs (manifests and configs, up to {@value #KEPT_SIZE} bytes), which it keeps
 * in memory because a pull reads the config back to check the platform. Benchmarks write into it to
 * measure network and hashing without the disk.
 *
 * <pre>{@code
 * BlobStore store = new DiscardingBlobStore();
 * try (BlobWriter w = store.writer(digest, size)) {
 *   w.transferFrom(body);
 *   w.commit(); // hashes were checked; nothing was kept
 * }
 * }</pre>
 *
 * <p>It never holds a layer, so every pull into a fresh one downloads everything. Thread-safe.
 */
public final class DiscardingBlobStore implements BlobStore {
  /** Blobs up to this size are kept; bigger ones are verified and dropped. */
  public static final int KEPT_SIZE = 64 * 1024;

  private static final ErrorContext CONTEXT = ErrorContext.of(Phase.BLOB);

  private final Map<Digest, byte[]> kept = new ConcurrentHashMap<>();

  @Override
  public boolean exists(Digest digest) {
    return kept.containsKey(digest);
  }

  @Override
  public OptionalLong size(Digest digest) {
    byte[] blob = kept.get(digest);
    return blob == null ? OptionalLong.empty() : OptionalLong.of(blob.length);
  }

  @Override
  public InputStream open(Digest digest) {
    byte[] blob = kept.get(digest);
    if (blob == null) {
      throw new BlobNotFoundInStoreException(CONTEXT, digest.toString(), toString());
    }
    return new ByteArrayInputStream(blob);
  }

  @Override
  public BlobWriter writer(Digest expected, long expectedSize) {
    if (expectedSize < 0) {
      throw new IllegalArgumentException("expectedSize must not be negative: " + expectedSize);
    }
    return new VerifyingWriter(expected, expectedSize, kept);
  }

  @Override
  public boolean delete(Digest digest) {
    return kept.remove(digest) != null;
  }

  @Override
  public Stream<Digest> list() {
    return List.copyOf(kept.keySet()).stream();
  }

  @Override
  public String toString() {
    return "DiscardingBlobStore";
  }

  /** Hashes and counts; commit compares, and keeps a small blob. */
  private static final class VerifyingWriter implements BlobWriter {
    private final Digest expected;
    private final long expectedSize;
    private final MessageDigest hash;
    private final Map<Digest, byte[]> kept;
    private final ByteArrayOutputStream small;
    private long written;
    private boolean finished;

    VerifyingWriter(Digest expected, long expectedSize, Map<Digest, byte[]> kept) {
      this.expected = expected;
      this.expectedSize = expectedSize;
      this.hash = expected.algorithm().newMessageDigest();
      this.kept = kept;
      this.small = expectedSize <= KEPT_SIZE ? new ByteArrayOutputStream() : null;
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
      if (small != null) {
        small.write(bytes, offset, length);
      }
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
      if (small != null) {
        kept.putIfAbsent(expected, small.toByteArray());
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
