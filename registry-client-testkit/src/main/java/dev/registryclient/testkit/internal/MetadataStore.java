package dev.registryclient.testkit.internal;

import dev.registryclient.api.Digest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Repositories, their manifests (small, kept in memory), tags, and which blobs each repository may
 * serve (blobs are stored once on disk but, as in distribution, linked per repository). Methods are
 * synchronized: the registry serves many connections at once.
 */
public final class MetadataStore {

  /** A stored manifest. {@code subject} is the digest it refers to, if any. */
  public record StoredManifest(Digest digest, String mediaType, byte[] bytes, Digest subject) {}

  private final Map<String, Repo> repos = new TreeMap<>();

  private static final class Repo {
    final Map<Digest, StoredManifest> manifests = new ConcurrentHashMap<>();
    // tag -> media type -> digest, most recently pushed first, so one tag can carry a schema 1
    // and a schema 2 manifest at once, as Red Hat's registries did
    final Map<String, LinkedHashMap<String, Digest>> tags = new TreeMap<>();
    final Set<Digest> blobs = new HashSet<>();
  }

  private Repo repo(String name) {
    return repos.computeIfAbsent(name, n -> new Repo());
  }

  /** Whether the repository has any content. */
  public synchronized boolean exists(String repository) {
    return repos.containsKey(repository);
  }

  /** Makes {@code digest} available in {@code repository}. */
  public synchronized void linkBlob(String repository, Digest digest) {
    repo(repository).blobs.add(digest);
  }

  /** Whether {@code repository} may serve the blob. */
  public synchronized boolean hasBlob(String repository, Digest digest) {
    Repo r = repos.get(repository);
    return r != null && r.blobs.contains(digest);
  }

  /** Removes the blob link; returns whether it existed. */
  public synchronized boolean unlinkBlob(String repository, Digest digest) {
    Repo r = repos.get(repository);
    return r != null && r.blobs.remove(digest);
  }

  /** Stores a manifest and, if {@code tag} is not null, points the tag at it. */
  public synchronized void putManifest(String repository, StoredManifest manifest, String tag) {
    Repo r = repo(repository);
    r.manifests.put(manifest.digest(), manifest);
    if (tag != null) {
      LinkedHashMap<String, Digest> byType =
          r.tags.computeIfAbsent(tag, t -> new LinkedHashMap<>());
      LinkedHashMap<String, Digest> reordered = new LinkedHashMap<>();
      reordered.put(manifest.mediaType(), manifest.digest());
      byType.forEach(reordered::putIfAbsent);
      byType.clear();
      byType.putAll(reordered);
    }
  }

  /** The manifest with this digest in the repository. */
  public synchronized Optional<StoredManifest> manifest(String repository, Digest digest) {
    Repo r = repos.get(repository);
    return r == null ? Optional.empty() : Optional.ofNullable(r.manifests.get(digest));
  }

  /** The manifests a tag points at, most recently pushed first. */
  public synchronized List<StoredManifest> tagged(String repository, String tag) {
    Repo r = repos.get(repository);
    List<StoredManifest> result = new ArrayList<>();
    if (r != null && r.tags.containsKey(tag)) {
      r.tags.get(tag).values().forEach(d -> result.add(r.manifests.get(d)));
    }
    return result;
  }

  /** Deletes a manifest and the tags pointing at it; returns whether it existed. */
  public synchronized boolean deleteManifest(String repository, Digest digest) {
    Repo r = repos.get(repository);
    if (r == null || r.manifests.remove(digest) == null) {
      return false;
    }
    r.tags.values().forEach(byType -> byType.values().removeIf(digest::equals));
    r.tags.values().removeIf(Map::isEmpty);
    return true;
  }

  /** The repository's tags in lexical order; empty if it does not exist. */
  public synchronized List<String> tags(String repository) {
    Repo r = repos.get(repository);
    return r == null ? List.of() : List.copyOf(new TreeSet<>(r.tags.keySet()));
  }

  /** All repository names in lexical order. */
  public synchronized List<String> repositories() {
    return List.copyOf(repos.keySet());
  }

  /** The manifests in the repository whose subject is {@code subject}. */
  public synchronized List<StoredManifest> referrers(String repository, Digest subject) {
    Repo r = repos.get(repository);
    if (r == null) {
      return List.of();
    }
    return r.manifests.values().stream()
        .filter(m -> subject.equals(m.subject()))
        .sorted((a, b) -> a.digest().compareTo(b.digest()))
        .toList();
  }
}
