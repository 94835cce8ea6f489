package dev.registryclient.core.store.internal;

import dev.registryclient.api.Digest;
import dev.registryclient.api.store.HardLinkImport;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

/**
 * Imports files by hard link. The link is made first, into {@code ingest/}, and the linked inode is
 * what gets hashed and published, so the verified bytes are the published bytes.
 */
public final class LinkImporter implements HardLinkImport {
  private final StoreLayout layout;
  private final boolean fsync;

  /** An importer into {@code layout}. */
  public LinkImporter(StoreLayout layout, boolean fsync) {
    this.layout = layout;
    this.fsync = fsync;
  }

  @Override
  public ImportMode importFile(Path source, Digest digest) {
    if (layout.isPresent(digest)) {
      return ImportMode.ALREADY_PRESENT;
    }
    Path staged = layout.ingest().resolve("link-" + UUID.randomUUID() + StagingFile.SUFFIX);
    ImportMode mode;
    try {
      Files.createDirectories(layout.ingest());
      mode = linkOrCopy(source, staged);
    } catch (IOException e) {
      throw StoreErrors.io("import " + source + " as", digest, staged, e);
    }
    LiveStaging.add(staged);
    // a shared lock keeps other processes' cleaners off the staged link (they need an exclusive
    // one)
    try (FileChannel channel = FileChannel.open(staged, StandardOpenOption.READ)) {
      channel.tryLock(0, Long.MAX_VALUE, true); // released when the channel closes
      Digest actual = FileVerifier.hash(digest.algorithm(), Channels.newInputStream(channel));
      if (!actual.equals(digest)) {
        throw StoreErrors.mismatch(source, digest.toString(), actual.toString());
      }
      StagingFile.Outcome outcome = StagingFile.publishFile(staged, layout.blobPath(digest), fsync);
      return outcome == StagingFile.Outcome.ALREADY_PRESENT ? ImportMode.ALREADY_PRESENT : mode;
    } catch (IOException e) {
      throw StoreErrors.io("import " + source + " as", digest, layout.blobPath(digest), e);
    } finally {
      deleteQuietly(staged);
      LiveStaging.remove(staged);
    }
  }

  private static ImportMode linkOrCopy(Path source, Path staged) throws IOException {
    try {
      Files.createLink(staged, source);
      return ImportMode.LINKED;
    } catch (UnsupportedOperationException | FileSystemException e) {
      if (!Files.isRegularFile(source)) {
        throw e instanceof IOException io ? io : new IOException(e);
      }
      Files.copy(source, staged);
      return ImportMode.COPIED;
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // left for the age-based cleaner
    }
  }

  @Override
  public Optional<Path> pathOf(Digest digest) {
    return layout.isPresent(digest) ? Optional.of(layout.blobPath(digest)) : Optional.empty();
  }
}
