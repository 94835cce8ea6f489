package dev.registryclient.oci.copy;

import dev.registryclient.api.Digest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the client last saw each blob, per registry: a later copy of the same blob into another
 * repository of that registry mounts it from there instead of uploading (containers/image keeps a
 * blob-info cache for the same purpose). In memory, per client, bounded: the least recently used
 * entries go first. Thread-safe.
 */
public final class BlobLocations {
  private final int capacity;
  private final Map<Key, String> repositories;

  private record Key(String origin, Digest digest) {}

  /** A cache of at most {@code capacity} blobs. */
  public BlobLocations(int capacity) {
    this.capacity = capacity;
    this.repositories = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** Notes that {@code repository} of the registry at {@code origin} has {@code digest}. */
  public synchronized void seen(String origin, String repository, Digest digest) {
    repositories.put(new Key(origin, digest), repository);
    if (repositories.size() > capacity) {
      Key eldest = repositories.keySet().iterator().next();
      repositories.remove(eldest);
    }
  }

  /** A repository of the registry at {@code origin} that had {@code digest}, if one is known. */
  public synchronized Optional<String> repositoryWith(String origin, Digest digest) {
    return Optional.ofNullable(repositories.get(new Key(origin, digest)));
  }
}
