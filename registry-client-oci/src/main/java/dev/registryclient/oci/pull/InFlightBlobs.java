package dev.registryclient.oci.pull;

import dev.registryclient.api.Digest;
import dev.registryclient.api.store.BlobStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The blobs being downloaded right now, per target store, shared by all pulls of one client: when
 * two pulls need the same blob in the same store, one downloads it and the other waits for it.
 */
public final class InFlightBlobs {
  private record Key(BlobStore store, Digest digest) {}

  private final ConcurrentMap<Key, CompletableFuture<Void>> downloads = new ConcurrentHashMap<>();

  /** A new, empty registry. */
  public InFlightBlobs() {}

  /**
   * Claims {@code digest} for {@code store}. Returns null if the caller now owns the download and
   * must {@link #release} it; otherwise the future of the download another pull runs.
   */
  CompletableFuture<Void> claim(BlobStore store, Digest digest, CompletableFuture<Void> mine) {
    return downloads.putIfAbsent(new Key(store, digest), mine);
  }

  /** Ends the caller's download; waiting pulls see {@code failure} (null when it succeeded). */
  void release(BlobStore store, Digest digest, CompletableFuture<Void> mine, Throwable failure) {
    downloads.remove(new Key(store, digest), mine);
    if (failure == null) {
      mine.complete(null);
    } else {
      mine.completeExceptionally(failure);
    }
  }
}
