package dev.registryclient.oci.layout.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Replaces small files (index.json, oci-layout) all at once: write a temp file beside the target,
 * fsync, rename over the target, fsync the directory. Readers see the old or the new file, never a
 * mix.
 */
public final class AtomicFile {
  private static final String TEMP_SUFFIX = ".tmp";

  private AtomicFile() {}

  /** Atomically sets the content of {@code target}. */
  public static void write(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = dir.resolve("." + target.getFileName() + "-" + UUID.randomUUID() + TEMP_SUFFIX);
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    syncDirectory(dir);
  }

  /**
   * Deletes temp files a crashed writer left for {@code target}. Call only while holding the lock
   * that serializes writers of {@code target}.
   */
  public static void cleanTemps(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    String glob = "." + target.getFileName() + "-*" + TEMP_SUFFIX;
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, glob)) {
      for (Path temp : temps) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // not possible on every platform (Windows); the rename is still atomic
    }
  }
}
