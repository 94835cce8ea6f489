package dev.registryclient.core.store;

import dev.registryclient.api.Digest;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobStoreCapability;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.api.store.ScrubReport;
import dev.registryclient.api.store.Verifiable;
import dev.registryclient.api.store.VerifyingBlobWriter;
import dev.registryclient.core.store.internal.StoreErrors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * A {@link BlobStore} on the heap, for tests and small tools. It holds every blob in memory, so it
 * suits only small content; it otherwise behaves like {@link FileBlobStore}: writers verify before
 * anything becomes visible, and the first committed copy of a digest wins.
 *
 * <pre>{@code
 * BlobStore store = new MemoryBlobStore();
 * try (BlobWriter w = store.writer(Digest.sha256(bytes), bytes.length)) {
 *   w.write(bytes);
 *   w.commit();
 * }
 * }</pre>
 *
 * <p>Capability: {@link Verifiable} (content cannot rot here, but callers can rely on it being
 * present). Thread-safe.
 */
public final class MemoryBlobStore implements BlobStore {
  private static final Path NAME = Path.of("memory");

  private final ConcurrentMap<Digest, byte[]> blobs = new ConcurrentHashMap<>();
  private final Verifiable verifier = new MemoryVerifier();

  @Override
  public boolean exists(Digest digest) {
    return blobs.containsKey(Objects.requireNonNull(digest, "digest"));
  }

  @Override
  public OptionalLong size(Digest digest) {
    byte[] blob = blobs.get(Objects.requireNonNull(digest, "digest"));
    return blob == null ? OptionalLong.empty() : OptionalLong.of(blob.length);
  }

  @Override
  public InputStream open(Digest digest) {
    byte[] blob = blobs.get(Objects.requireNonNull(digest, "digest"));
    if (blob == null) {
      throw StoreErrors.notFound(digest, NAME);
    }
    return new ByteArrayInputStream(blob);
  }

  @Override
  public BlobWriter writer(Digest expected, long expectedSize) {
    return new MemoryWriter(expected, expectedSize);
  }

  @Override
  public boolean delete(Digest digest) {
    return blobs.remove(Objects.requireNonNull(digest, "digest")) != null;
  }

  @Override
  public Stream<Digest> list() {
    return List.copyOf(blobs.keySet()).stream();
  }

  @Override
  public <T extends BlobStoreCapability> Optional<T> capability(Class<T> type) {
    return type == Verifiable.class ? Optional.of(type.cast(verifier)) : Optional.empty();
  }

  @Override
  public String toString() {
    return "MemoryBlobStore[" + blobs.size() + " blobs]";
  }

  /** Collects the bytes on the heap; publishing puts them in the map unless a copy is there. */
  private final class MemoryWriter extends VerifyingBlobWriter {
    private ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    MemoryWriter(Digest expected, long expectedSize) {
      super(expected, expectedSize, "store " + NAME);
    }

    @Override
    protected void writeBytes(byte[] b, int offset, int length) {
      bytes.write(b, offset, length);
    }

    @Override
    protected void publish() {
      blobs.putIfAbsent(expectedDigest(), bytes.toByteArray());
      bytes = null;
    }

    @Override
    protected void discard() {
      bytes = null;
    }
  }

  private final class MemoryVerifier implements Verifiable {
    @Override
    public void verify(Digest digest) {
      byte[] blob = blobs.get(Objects.requireNonNull(digest, "digest"));
      if (blob == null) {
        throw StoreErrors.notFound(digest, NAME);
      }
      Digest actual = Digest.compute(digest.algorithm(), blob);
      if (!actual.equals(digest)) {
        throw StoreErrors.mismatch(NAME, digest.toString(), actual.toString());
      }
    }

    @Override
    public ScrubReport scrub() {
      long checked = 0;
      List<Digest> corrupt = new ArrayList<>();
      for (Map.Entry<Digest, byte[]> blob : blobs.entrySet()) {
        checked++;
        if (!blob.getKey().matches(blob.getValue())) {
          corrupt.add(blob.getKey());
          blobs.remove(blob.getKey(), blob.getValue());
        }
      }
      return new ScrubReport(checked, corrupt);
    }
  }
}
