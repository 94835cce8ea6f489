package dev.registryclient.api.store;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.StoreException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file-backed store that can take in an existing file by hard-linking it instead of copying, so
 * that several stores or image layouts on one file system share the bytes of common layers.
 *
 * <pre>{@code
 * store.capability(HardLinkImport.class)
 *     .ifPresent(links -> links.importFile(otherLayout.resolve("blobs/sha256/" + hex), digest));
 * }</pre>
 *
 * <p>Linked blobs share one inode: never modify a file after importing it.
 */
public interface HardLinkImport extends BlobStoreCapability {

  /** How {@link #importFile(Path, Digest)} brought the blob in. */
  enum ImportMode {
    /** The file was hard-linked into the store. */
    LINKED,
    /** Linking was impossible (e.g. another file system), so the bytes were copied. */
    COPIED,
    /** The store already held the blob; nothing was done. */
    ALREADY_PRESENT
  }

  /**
   * Verifies that {@code source} hashes to {@code digest} and makes it available under that digest,
   * by a hard link where possible.
   *
   * @param source the file to import; it must not be modified afterwards
   * @param digest the digest its bytes must hash to
   * @return how the blob was brought in
   * @throws DigestMismatchException if the file's bytes do not match; nothing is imported
   * @throws StoreException if the file cannot be read or the store cannot be written
   */
  ImportMode importFile(Path source, Digest digest);

  /**
   * The file holding a present blob, for linking it elsewhere; empty if it is not present.
   *
   * @param digest the blob's digest
   * @return the path of the blob's file, or empty
   */
  Optional<Path> pathOf(Digest digest);
}
