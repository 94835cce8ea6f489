package dev.registryclient.testkit.store;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.BlobNotFoundInStoreException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.StoreException;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.api.store.VerifyingBlobWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A custom store written the way a user would, on the api module alone, that must be finished when
 * its owner is done: blobs are files in a work directory until {@link #close()} packs them into one
 * zip archive (entries {@code blobs/<alg>/<hex>}) and removes the work directory. A store opened on
 * an existing archive unpacks it first. Its writer is a {@link VerifyingBlobWriter}, so the store
 * itself does no hashing or size checks.
 */
final class ZipArchiveBlobStore implements BlobStore {
  private static final ErrorContext CONTEXT = ErrorContext.of(Phase.STORE);

  private final Path archive;
  private final Path work;
  private final Map<Digest, Path> blobs = new HashMap<>(); // guarded by this
  private boolean closed; // guarded by this

  ZipArchiveBlobStore(Path archive) {
    this.archive = archive.toAbsolutePath();
    try {
      this.work = Files.createTempDirectory(this.archive.getParent(), "unpacked-");
      if (Files.exists(this.archive)) {
        unpack();
      }
    } catch (IOException e) {
      throw new StoreException(CONTEXT, "cannot open " + archive + ": " + e, e);
    }
  }

  /** The directory holding blobs until close; gone afterwards. */
  Path workDirectory() {
    return work;
  }

  private void unpack() throws IOException {
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      for (ZipEntry entry : zip.stream().toList()) {
        String[] parts = entry.getName().split("/"); // blobs/<alg>/<hex>
        Digest digest = Digest.parse(parts[1] + ":" + parts[2]);
        Path file = work.resolve(digest.hex());
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, file);
        }
        blobs.put(digest, file);
      }
    }
  }

  @Override
  public synchronized boolean exists(Digest digest) {
    return blobs.containsKey(digest);
  }

  @Override
  public synchronized OptionalLong size(Digest digest) {
    Path file = blobs.get(digest);
    try {
      return file == null ? OptionalLong.empty() : OptionalLong.of(Files.size(file));
    } catch (IOException e) {
      throw new StoreException(CONTEXT, "cannot read " + file + ": " + e, e);
    }
  }

  @Override
  public synchronized InputStream open(Digest digest) {
    Path file = blobs.get(digest);
    if (file == null) {
      throw new BlobNotFoundInStoreException(CONTEXT, digest.toString(), "zip " + archive);
    }
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new StoreException(CONTEXT, "cannot read " + file + ": " + e, e);
    }
  }

  @Override
  public BlobWriter writer(Digest expected, long expectedSize) {
    return new EntryWriter(expected, expectedSize);
  }

  @Override
  public synchronized boolean delete(Digest digest) {
    Path file = blobs.remove(digest);
    if (file == null) {
      return false;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new StoreException(CONTEXT, "cannot delete " + file + ": " + e, e);
    }
    return true;
  }

  @Override
  public synchronized Stream<Digest> list() {
    return List.copyOf(blobs.keySet()).stream();
  }

  /** Writes the archive (to a temporary file renamed into place) and removes the work directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Path packing = archive.resolveSibling(archive.getFileName() + ".packing");
    try {
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(packing))) {
        zip.setLevel(Deflater.NO_COMPRESSION); // layers are compressed already
        for (Digest digest : blobs.keySet().stream().sorted().toList()) {
          zip.putNextEntry(
              new ZipEntry("blobs/" + digest.algorithm().prefix() + "/" + digest.hex()));
          Files.copy(blobs.get(digest), zip);
          zip.closeEntry();
        }
      }
      Files.move(packing, archive, StandardCopyOption.REPLACE_EXISTING);
      try (Stream<Path> files = Files.walk(work)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new StoreException(CONTEXT, "cannot write " + archive + ": " + e, e);
    }
  }

  private synchronized void publish(Digest digest, Path staged) throws IOException {
    if (blobs.containsKey(digest)) {
      Files.delete(staged); // another writer was first; the bytes are the same
      return;
    }
    Path file = work.resolve(digest.hex());
    Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING);
    blobs.put(digest, file);
  }

  /** Stages into a file of its own; the blob joins the store on publish. */
  private final class EntryWriter extends VerifyingBlobWriter {
    private final Path staged;
    private final OutputStream out;

    EntryWriter(Digest expected, long expectedSize) {
      super(expected, expectedSize, "zip " + archive);
      try {
        this.staged = Files.createTempFile(work, expected.hex(), ".part");
        this.out = new BufferedOutputStream(Files.newOutputStream(staged));
      } catch (IOException e) {
        throw new StoreException(CONTEXT, "cannot stage " + expected + ": " + e, e);
      }
    }

    @Override
    protected void writeBytes(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    protected void publish() throws IOException {
      out.close();
      ZipArchiveBlobStore.this.publish(expectedDigest(), staged);
    }

    @Override
    protected void discard() {
      try {
        out.close();
        Files.deleteIfExists(staged);
      } catch (IOException e) {
        // the work directory goes on close anyway
      }
    }
  }
}
