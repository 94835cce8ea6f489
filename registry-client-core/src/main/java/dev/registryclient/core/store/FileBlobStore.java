package dev.registryclient.core.store;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.StoreException;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobStoreCapability;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.api.store.HardLinkImport;
import dev.registryclient.api.store.PositionalBlobWriter;
import dev.registryclient.api.store.PositionalWrites;
import dev.registryclient.api.store.Verifiable;
import dev.registryclient.core.store.internal.FileVerifier;
import dev.registryclient.core.store.internal.LinkImporter;
import dev.registryclient.core.store.internal.PositionalStagedWriter;
import dev.registryclient.core.store.internal.StagedBlobWriter;
import dev.registryclient.core.store.internal.StagingCleaner;
import dev.registryclient.core.store.internal.StagingFile;
import dev.registryclient.core.store.internal.StoreErrors;
import dev.registryclient.core.store.internal.StoreLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A crash-safe, content-addressed blob store in a directory, laid out as {@code blobs/<alg>/<hex>}
 * like an OCI image layout, so a layout directory is a store.
 *
 * <p>Writers stage bytes in {@code ingest/}, verify size and digest, fsync, and publish with a hard
 * link (falling back to an atomic rename), then fsync the directory. Nothing half-written is ever
 * visible under a digest. Several writers of one digest, in one JVM or several processes, all
 * succeed; the first published copy is kept. Staging files left by crashed writers are removed when
 * a store is opened, once they are older than {@link Builder#staleStagingAfter(Duration)} and no
 * live writer holds them.
 *
 * <pre>{@code
 * FileBlobStore store = FileBlobStore.builder(Path.of("layout")).fsync(false).build();
 * try (BlobWriter w = store.writer(digest, size)) {
 *   w.transferFrom(in);
 *   w.commit();
 * }
 * store.capability(Verifiable.class).orElseThrow().scrub();
 * }</pre>
 *
 * <p>Capabilities: {@link Verifiable}, {@link HardLinkImport} and {@link PositionalWrites} (a
 * segmented download writes its ranges at their offsets into the staging file). Thread-safe.
 */
public final class FileBlobStore implements BlobStore {
  private final StoreLayout layout;
  private final boolean fsync;
  private final Verifiable verifier;
  private final HardLinkImport linker;
  private final PositionalWrites positional = this::positionalWriter;

  private FileBlobStore(Builder builder) {
    this.layout = StoreLayout.at(builder.root);
    this.fsync = builder.fsync;
    this.verifier = new FileVerifier(layout);
    this.linker = new LinkImporter(layout, fsync);
  }

  /**
   * Opens (creating if needed) the store at {@code root} with default settings.
   *
   * @param root the store's directory
   * @return the store
   * @throws StoreException if the directory cannot be created or is not a directory
   */
  public static FileBlobStore open(Path root) {
    return builder(root).build();
  }

  /**
   * A builder for a store at {@code root}.
   *
   * @param root the store's directory
   * @return a new builder
   */
  public static Builder builder(Path root) {
    return new Builder(root);
  }

  /**
   * The store directory.
   *
   * @return the root directory
   */
  public Path root() {
    return layout.root();
  }

  @Override
  public boolean exists(Digest digest) {
    return layout.isPresent(digest);
  }

  @Override
  public OptionalLong size(Digest digest) {
    try {
      BasicFileAttributes attrs =
          Files.readAttributes(
              layout.blobPath(digest), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attrs.isRegularFile() ? OptionalLong.of(attrs.size()) : OptionalLong.empty();
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (IOException e) {
      throw StoreErrors.io("stat", digest, layout.blobPath(digest), e);
    }
  }

  @Override
  public InputStream open(Digest digest) {
    Path path = layout.blobPath(digest);
    if (Files.isSymbolicLink(path)) {
      throw StoreErrors.symlink(digest, path);
    }
    try {
      return Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw StoreErrors.notFound(digest, layout.root());
    } catch (IOException e) {
      throw StoreErrors.io("read", digest, path, e);
    }
  }

  @Override
  public BlobWriter writer(Digest expected, long expectedSize) {
    StagingFile staging = stage(expected, expectedSize);
    return new StagedBlobWriter(expected, expectedSize, layout.blobPath(expected), staging, fsync);
  }

  private PositionalBlobWriter positionalWriter(
      Digest expected, long expectedSize, Consumer<ByteBuffer> inOrder) {
    StagingFile staging = stage(expected, expectedSize);
    return new PositionalStagedWriter(
        expected, expectedSize, layout.blobPath(expected), staging, fsync, inOrder);
  }

  /** A new staging file for a blob of {@code expectedSize} bytes, after checking the arguments. */
  private StagingFile stage(Digest expected, long expectedSize) {
    Objects.requireNonNull(expected, "expected");
    if (expectedSize < 0) {
      throw new IllegalArgumentException(
          "expectedSize must not be negative: " + expectedSize + " for " + expected);
    }
    try {
      // a store that syncs at commit starts the device's work early, so that sync finds it done
      return StagingFile.create(layout.ingest(), expected.hex().substring(0, 16), fsync);
    } catch (IOException e) {
      throw StoreErrors.io("stage", expected, layout.ingest(), e);
    }
  }

  @Override
  public boolean delete(Digest digest) {
    Path path = layout.blobPath(digest);
    try {
      return Files.deleteIfExists(path);
    } catch (IOException e) {
      throw StoreErrors.io("delete", digest, path, e);
    }
  }

  @Override
  public Stream<Digest> list() {
    return layout.list();
  }

  @Override
  public <T extends BlobStoreCapability> Optional<T> capability(Class<T> type) {
    if (type == Verifiable.class) {
      return Optional.of(type.cast(verifier));
    }
    if (type == HardLinkImport.class) {
      return Optional.of(type.cast(linker));
    }
    if (type == PositionalWrites.class) {
      return Optional.of(type.cast(positional));
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "FileBlobStore[" + layout.root() + "]";
  }

  /** Settings for a {@link FileBlobStore}. */
  public static final class Builder {
    private final Path root;
    private boolean fsync = true;
    private Duration staleStagingAfter = Duration.ofHours(1);

    private Builder(Path root) {
      this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * Whether commits force bytes and directory entries to the device (default {@code true}).
     * Without it a process crash still never exposes partial blobs, but a power cut may.
     *
     * @param fsync whether to force commits to the device
     * @return this builder
     */
    public Builder fsync(boolean fsync) {
      this.fsync = fsync;
      return this;
    }

    /**
     * How long a staging file must have gone unmodified before opening the store deletes it
     * (default one hour). Files locked by a live writer are never deleted.
     *
     * @param age the age, not negative
     * @return this builder
     * @throws IllegalArgumentException if {@code age} is negative
     */
    public Builder staleStagingAfter(Duration age) {
      if (Objects.requireNonNull(age, "age").isNegative()) {
        throw new IllegalArgumentException("staleStagingAfter must not be negative: " + age);
      }
      this.staleStagingAfter = age;
      return this;
    }

    /**
     * Opens the store, creating its directory if needed and cleaning stale staging files.
     *
     * @return the open store
     * @throws StoreException if the directory cannot be created or is not a directory
     */
    public FileBlobStore build() {
      FileBlobStore store = new FileBlobStore(this);
      Path dir = store.root();
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new StoreException(StoreErrors.CONTEXT, "cannot open store " + dir + ": " + e, e);
      }
      new StagingCleaner(staleStagingAfter).clean(store.layout.ingest());
      return store;
    }
  }
}
