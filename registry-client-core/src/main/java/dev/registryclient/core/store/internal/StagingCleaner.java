package dev.registryclient.core.store.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes staging files left behind by writers that crashed. A file goes only if it is older than
 * the configured age and no live writer holds its lock, so a slow writer in another process keeps
 * its file.
 */
public final class StagingCleaner {
  private static final Logger LOG = LoggerFactory.getLogger(StagingCleaner.class);

  private final Duration staleAfter;

  /** A cleaner that deletes staging files not modified for {@code staleAfter}. */
  public StagingCleaner(Duration staleAfter) {
    if (staleAfter.isNegative()) {
      throw new IllegalArgumentException("staleAfter must not be negative: " + staleAfter);
    }
    this.staleAfter = staleAfter;
  }

  /**
   * Cleans {@code dir}. Failures are logged and skipped: a read-only store is still readable.
   *
   * @return how many files were deleted
   */
  public int clean(Path dir) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return 0;
    }
    Instant cutoff = Instant.now().minus(staleAfter);
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + StagingFile.SUFFIX)) {
      for (Path file : files) {
        if (isStale(file, cutoff) && deleteUnlessLocked(file)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      LOG.debug("cannot clean staging directory {}: {}", dir, e.toString());
    }
    return deleted;
  }

  private static boolean isStale(Path file, Instant cutoff) throws IOException {
    return !LiveStaging.contains(file)
        && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        && !Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isAfter(cutoff);
  }

  private static boolean deleteUnlessLocked(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false; // a live writer in another process
      }
      try {
        Files.deleteIfExists(file);
        LOG.debug("deleted stale staging file {}", file);
        return true;
      } finally {
        lock.release();
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("cannot delete staging file {}: {}", file, e.toString());
      return false;
    }
  }
}
