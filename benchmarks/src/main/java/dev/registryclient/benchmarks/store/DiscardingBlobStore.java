package dev.registryclient.benchmarks.store;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.BlobNotFoundInStoreException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.api.store.VerifyingBlobWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
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
    return new KeepingSmallWriter(expected, expectedSize, kept);
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

  /** Keeps the bytes of a small blob for publishing; a big one's bytes go nowhere. */
  private static final class KeepingSmallWriter extends VerifyingBlobWriter {
    private final Map<Digest, byte[]> kept;
    private ByteArrayOutputStream small;

    KeepingSmallWriter(Digest expected, long expectedSize, Map<Digest, byte[]> kept) {
      super(expected, expectedSize, "DiscardingBlobStore");
      this.kept = kept;
      this.small = expectedSize <= KEPT_SIZE ? new ByteArrayOutputStream() : null;
    }

    @Override
    protected void writeBytes(byte[] bytes, int offset, int length) {
      if (small != null) {
        small.write(bytes, offset, length);
      }
    }

    @Override
    protected void publish() {
      if (small != null) {
        kept.putIfAbsent(expectedDigest(), small.toByteArray());
      }
    }

    @Override
    protected void discard() {
      small = null;
    }
  }
}
