package dev.registryclient.examples.store;

import dev.registryclient.api.Digest;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A custom {@link BlobStore}: keeps another store under a byte budget by evicting the least
 * recently used blobs after each commit, e.g. a layer cache on a build agent's disk.
 *
 * <pre>{@code
 * BlobStore cache = new SizeCappedBlobStore(FileBlobStore.open(Path.of("/var/cache/layers")), 10L << 30);
 * }</pre>
 *
 * <p>"Used" means opened, written or checked with {@link #exists}. A blob bigger than the whole
 * budget is still stored (the caller asked for it) and evicts everything else. Capabilities of the
 * wrapped store are deliberately not passed through: one that deletes blobs (scrub) would bypass
 * the accounting. Thread-safe if the wrapped store is.
 */
public final class SizeCappedBlobStore implements BlobStore {
  private final BlobStore delegate;
  private final long capacityBytes;
  // access-ordered: iteration starts at the least recently used blob
  private final LinkedHashMap<Digest, Long> sizes = new LinkedHashMap<>(16, 0.75f, true);
  private long totalBytes;

  /** Wraps {@code delegate}, adopting the blobs it already holds (in unknown order of use). */
  public SizeCappedBlobStore(BlobStore delegate, long capacityBytes) {
    if (capacityBytes < 0) {
      throw new IllegalArgumentException("capacityBytes must not be negative: " + capacityBytes);
    }
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.capacityBytes = capacityBytes;
    try (Stream<Digest> existing = delegate.list()) {
      existing.forEach(d -> delegate.size(d).ifPresent(size -> record(d, size)));
    }
    evictBeyondCapacity(null);
  }

  /** The bytes currently held, as accounted by this wrapper. */
  public synchronized long totalBytes() {
    return totalBytes;
  }

  @Override
  public boolean exists(Digest digest) {
    touch(digest);
    return delegate.exists(digest);
  }

  @Override
  public OptionalLong size(Digest digest) {
    return delegate.size(digest);
  }

  @Override
  public InputStream open(Digest digest) {
    touch(digest);
    return delegate.open(digest);
  }

  @Override
  public BlobWriter writer(Digest expected, long expectedSize) {
    return new AccountingWriter(delegate.writer(expected, expectedSize));
  }

  @Override
  public boolean delete(Digest digest) {
    synchronized (this) {
      Long size = sizes.remove(digest);
      totalBytes -= size == null ? 0 : size;
    }
    return delegate.delete(digest);
  }

  @Override
  public Stream<Digest> list() {
    return delegate.list();
  }

  /** Closes the wrapped store, which this wrapper owns from its construction on. */
  @Override
  public void close() {
    delegate.close();
  }

  private synchronized void touch(Digest digest) {
    sizes.get(digest); // a get moves the entry to the most-recently-used end
  }

  private synchronized void record(Digest digest, long size) {
    Long previous = sizes.put(digest, size);
    totalBytes += size - (previous == null ? 0 : previous);
  }

  /** Deletes least recently used blobs, except {@code keep}, until the budget holds. */
  private void evictBeyondCapacity(Digest keep) {
    List<Digest> victims = new ArrayList<>();
    synchronized (this) {
      Iterator<Map.Entry<Digest, Long>> lru = sizes.entrySet().iterator();
      while (totalBytes > capacityBytes && lru.hasNext()) {
        Map.Entry<Digest, Long> oldest = lru.next();
        if (!oldest.getKey().equals(keep)) {
          totalBytes -= oldest.getValue();
          victims.add(oldest.getKey());
          lru.remove();
        }
      }
    }
    victims.forEach(delegate::delete); // outside the lock: deleting may be slow
  }

  /** Passes everything through and does the accounting once the blob is visible. */
  private final class AccountingWriter implements BlobWriter {
    private final BlobWriter inner;

    AccountingWriter(BlobWriter inner) {
      this.inner = inner;
    }

    @Override
    public Digest expectedDigest() {
      return inner.expectedDigest();
    }

    @Override
    public long expectedSize() {
      return inner.expectedSize();
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      inner.write(bytes, offset, length);
    }

    @Override
    public long bytesWritten() {
      return inner.bytesWritten();
    }

    @Override
    public void commit() {
      inner.commit();
      record(inner.expectedDigest(), inner.expectedSize());
      evictBeyondCapacity(inner.expectedDigest());
    }

    @Override
    public void abort() {
      inner.abort();
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
