package dev.registryclient.core.store.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A private file in {@code ingest/} that receives a blob's bytes and is then published under the
 * blob's name in one atomic step.
 *
 * <p>While open it holds an exclusive file lock, which tells cleaners in other processes that it is
 * alive however old it looks. The lock dies with the process, so a crashed writer's file becomes
 * cleanable.
 */
public final class StagingFile implements AutoCloseable {
  /** What {@link #publish} did. */
  public enum Outcome {
    /** The blob is now visible under its name. */
    PUBLISHED,
    /** A blob was already there; it was kept and the staged copy dropped. */
    ALREADY_PRESENT
  }

  /** Suffix of every staging file; the cleaner touches nothing else. */
  public static final String SUFFIX = ".part";

  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;
  private final EarlyWriteback writeback;

  private StagingFile(Path path, FileChannel channel, FileLock lock, boolean earlyWriteback) {
    this.path = path;
    this.channel = channel;
    this.lock = lock;
    this.writeback =
        earlyWriteback ? EarlyWriteback.of(() -> channel.force(false)) : EarlyWriteback.none();
  }

  /**
   * Creates a fresh staging file in {@code dir}, named after {@code label} for debugging.
   *
   * @param earlyWriteback whether to start writing its bytes to the device while they arrive
   *     ({@link EarlyWriteback}), for a store that syncs before it publishes
   */
  public static StagingFile create(Path dir, String label, boolean earlyWriteback)
      throws IOException {
    Files.createDirectories(dir);
    Path path = dir.resolve(label + "-" + UUID.randomUUID() + SUFFIX);
    LiveStaging.add(path);
    try {
      FileChannel channel =
          FileChannel.open(
              path,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE,
              StandardOpenOption.READ); // a positional writer hashes by reading back
      return new StagingFile(path, channel, channel.tryLock(), earlyWriteback);
    } catch (IOException | RuntimeException e) {
      LiveStaging.remove(path);
      throw e;
    }
  }

  /** The file's path. */
  public Path path() {
    return path;
  }

  /** Writes all remaining bytes of {@code buffer}. */
  public void write(ByteBuffer buffer) throws IOException {
    long written = 0;
    while (buffer.hasRemaining()) {
      written += channel.write(buffer);
    }
    writeback.wrote(written);
  }

  /** Writes all remaining bytes of {@code buffer} at {@code position}, from any thread. */
  public void write(ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
    writeback.wrote(at - position);
  }

  /**
   * Reads bytes from {@code position} into {@code buffer}, from any thread; the number read, -1 at
   * the end of the file.
   */
  public int read(ByteBuffer buffer, long position) throws IOException {
    return channel.read(buffer, position);
  }

  /** Forces the bytes to the device (fsync). */
  public void sync() throws IOException {
    channel.force(true);
  }

  /**
   * Closes the file and makes it visible as {@code target}. A hard link is tried first because,
   * unlike a rename, it never replaces an existing file: the blob that was there first wins. File
   * systems without hard links fall back to an atomic rename, where replacing a verified blob with
   * identical verified bytes is harmless.
   */
  public Outcome publish(Path target, boolean syncDirectory) throws IOException {
    close();
    return publishFile(path, target, syncDirectory);
  }

  /** Publishes a closed, verified file {@code staged} as {@code target}; see {@link #publish}. */
  public static Outcome publishFile(Path staged, Path target, boolean syncDirectory)
      throws IOException {
    Files.createDirectories(target.getParent());
    Outcome outcome;
    try {
      Files.createLink(target, staged);
      outcome = Outcome.PUBLISHED;
    } catch (FileAlreadyExistsException e) {
      outcome = Outcome.ALREADY_PRESENT;
    } catch (UnsupportedOperationException | FileSystemException e) {
      outcome = renameUnlessPresent(staged, target);
    }
    Files.deleteIfExists(staged);
    if (syncDirectory && outcome == Outcome.PUBLISHED) {
      Durability.syncDirectory(target.getParent());
    }
    return outcome;
  }

  private static Outcome renameUnlessPresent(Path staged, Path target) throws IOException {
    if (Files.exists(target)) {
      return Outcome.ALREADY_PRESENT;
    }
    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    return Outcome.PUBLISHED;
  }

  /** Closes and deletes the file; never throws. */
  public void discard() {
    try {
      close();
    } catch (IOException e) {
      // deleting matters more than a clean close
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // left for the age-based cleaner
    }
  }

  /** Closes the channel and releases the lock; the file stays. */
  @Override
  public void close() throws IOException {
    try {
      if (lock != null && lock.isValid()) {
        lock.release();
      }
      channel.close();
    } finally {
      LiveStaging.remove(path);
    }
  }
}
