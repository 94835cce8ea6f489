package dev.registryclient.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A temporary directory that {@link #close()} deletes with everything in it, so a test, a benchmark
 * or a test registry leaves nothing behind.
 *
 * <pre>{@code
 * try (TempDirectory dir = TempDirectory.create("bench-")) {
 *   FileBlobStore store = FileBlobStore.open(dir.path().resolve("store"));
 * }
 * }</pre>
 */
public final class TempDirectory implements AutoCloseable {
  private final Path path;

  private TempDirectory(Path path) {
    this.path = path;
  }

  /**
   * A new, empty directory under {@code java.io.tmpdir}.
   *
   * @param prefix the start of the directory's name, e.g. {@code bench-}; may be null
   * @return the new directory
   * @throws UncheckedIOException if it cannot be created
   */
  public static TempDirectory create(String prefix) {
    try {
      return new TempDirectory(Files.createTempDirectory(prefix));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
  }

  /**
   * The directory.
   *
   * @return the directory's path
   */
  public Path path() {
    return path;
  }

  /** Deletes everything below the directory, keeping the directory itself. */
  public void empty() {
    delete(path, false);
  }

  /** Deletes the directory and everything in it. */
  @Override
  public void close() {
    delete(path, true);
  }

  private static void delete(Path root, boolean includingRoot) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc)
                throws IOException {
              if (exc != null) {
                throw exc;
              }
              if (includingRoot || !dir.equals(root)) {
                Files.delete(dir);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
