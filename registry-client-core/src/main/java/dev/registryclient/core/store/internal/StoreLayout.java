package dev.registryclient.core.store.internal;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The paths of a store: {@code blobs/<alg>/<hex>}, as in the OCI image layout, so a layout
 * directory is a store; and {@code ingest/} for staging files, on the same file system so that
 * publishing is a link or rename, never a copy.
 */
public final class StoreLayout {
  private final Path root;
  private final Path blobs;
  private final Path ingest;

  private StoreLayout(Path root) {
    this.root = root;
    this.blobs = root.resolve("blobs");
    this.ingest = root.resolve("ingest");
  }

  /** The layout of the store at {@code root}. */
  public static StoreLayout at(Path root) {
    return new StoreLayout(root.toAbsolutePath().normalize());
  }

  /** The store directory. */
  public Path root() {
    return root;
  }

  /** Where staging files live. */
  public Path ingest() {
    return ingest;
  }

  /**
   * The path of a blob. {@link Digest} already admits only lower-case hex, so the path cannot leave
   * {@code blobs/}; the check below keeps it that way should the digest rules ever loosen.
   */
  public Path blobPath(Digest digest) {
    Path path = blobs.resolve(digest.algorithm().prefix()).resolve(digest.hex()).normalize();
    if (!path.startsWith(blobs) || path.getNameCount() != blobs.getNameCount() + 2) {
      throw new StoreException(
          StoreErrors.CONTEXT, "blob " + digest + " would resolve outside " + blobs + ": " + path);
    }
    return path;
  }

  /** Whether a complete blob is present: a regular file, not a link pointing elsewhere. */
  public boolean isPresent(Digest digest) {
    return Files.isRegularFile(blobPath(digest), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * The digests of all blob files. Names that are not valid digests (files of other tools, editor
   * backups, unknown algorithms) are skipped, not reported.
   */
  public Stream<Digest> list() {
    return Arrays.stream(Digest.Algorithm.values())
        .filter(a -> Files.isDirectory(blobs.resolve(a.prefix()), LinkOption.NOFOLLOW_LINKS))
        .flatMap(this::listAlgorithm);
  }

  private Stream<Digest> listAlgorithm(Digest.Algorithm algorithm) {
    Path dir = blobs.resolve(algorithm.prefix());
    try {
      return Files.list(dir)
          .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .flatMap(p -> digestNamed(algorithm, p.getFileName().toString()).stream());
    } catch (IOException e) {
      throw new StoreException(StoreErrors.CONTEXT, "cannot list blobs in " + dir + ": " + e, e);
    }
  }

  private static Optional<Digest> digestNamed(Digest.Algorithm algorithm, String hex) {
    try {
      return Optional.of(Digest.of(algorithm, hex));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
