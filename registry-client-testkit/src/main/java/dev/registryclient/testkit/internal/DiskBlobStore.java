package dev.registryclient.testkit.internal;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.TempDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * Content-addressed blobs in a directory, so a 1 GiB layer costs disk, not heap. Writes go to a
 * temporary file that is hashed while written and moved into place under its digest.
 */
public final class DiskBlobStore implements AutoCloseable {
  private final Path root;
  private final TempDirectory owned; // deleted on close; null when the caller owns root

  /** Stores under {@code root}, which {@link #close()} leaves in place. */
  public DiskBlobStore(Path root) {
    this(root, null);
  }

  private DiskBlobStore(Path root, TempDirectory owned) {
    this.root = root;
    this.owned = owned;
    try {
      Files.createDirectories(root.resolve("tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create blob directory " + root, e);
    }
  }

  /** A store in a fresh temporary directory, removed by {@link #close()}. */
  public static DiskBlobStore temporary() {
    TempDirectory directory = TempDirectory.create("test-registry-blobs");
    return new DiskBlobStore(directory.path(), directory);
  }

  /** A new empty temporary file in the store, for uploads in progress. */
  public Path newTempFile() {
    try {
      return Files.createTempFile(root.resolve("tmp"), "upload", ".part");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Streams {@code in} into the store and returns its SHA-256 digest. */
  public Digest put(InputStream in) throws IOException {
    Path tmp = newTempFile();
    MessageDigest md = Digest.Algorithm.SHA256.newMessageDigest();
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md)) {
      in.transferTo(out);
    }
    Digest digest = Digest.fromBytes(Digest.Algorithm.SHA256, md.digest());
    adopt(tmp, digest);
    return digest;
  }

  /** Stores {@code content}. */
  public Digest put(byte[] content) {
    try {
      return put(new java.io.ByteArrayInputStream(content));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves a finished temporary file into place as the blob {@code digest}. */
  public void adopt(Path tmp, Digest digest) throws IOException {
    Path target = path(digest);
    Files.createDirectories(target.getParent());
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      // same digest, same bytes: keep the existing file
      Files.deleteIfExists(tmp);
    }
  }

  /** Whether the blob exists. */
  public boolean contains(Digest digest) {
    return Files.isRegularFile(path(digest));
  }

  /** The blob's size in bytes; the blob must exist. */
  public long size(Digest digest) {
    try {
      return Files.size(path(digest));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the blob is (or would be) stored. */
  public Path path(Digest digest) {
    return root.resolve(digest.algorithm().prefix()).resolve(digest.hex());
  }

  @Override
  public void close() {
    if (owned != null) {
      owned.close();
    }
  }
}
