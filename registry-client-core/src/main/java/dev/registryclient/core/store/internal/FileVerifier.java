package dev.registryclient.core.store.internal;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.store.ScrubReport;
import dev.registryclient.api.store.Verifiable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Re-hashes blob files of a {@link StoreLayout}, streaming, and removes corrupt ones on scrub. */
public final class FileVerifier implements Verifiable {
  private final StoreLayout layout;

  /** A verifier for the blobs of {@code layout}. */
  public FileVerifier(StoreLayout layout) {
    this.layout = layout;
  }

  @Override
  public void verify(Digest digest) {
    Path path = layout.blobPath(digest);
    if (Files.isSymbolicLink(path)) {
      throw StoreErrors.symlink(digest, path);
    }
    Digest actual;
    try (InputStream in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
      actual = hash(digest.algorithm(), in);
    } catch (NoSuchFileException e) {
      throw StoreErrors.notFound(digest, layout.root());
    } catch (IOException e) {
      throw StoreErrors.io("verify", digest, path, e);
    }
    if (!actual.equals(digest)) {
      throw StoreErrors.mismatch(path, digest.toString(), actual.toString());
    }
  }

  /** Hashes {@code in} in 64 KiB chunks. */
  static Digest hash(Digest.Algorithm algorithm, InputStream in) throws IOException {
    MessageDigest md = algorithm.newMessageDigest();
    byte[] buffer = new byte[64 * 1024];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      md.update(buffer, 0, n);
    }
    return Digest.fromBytes(algorithm, md.digest());
  }

  @Override
  public ScrubReport scrub() {
    long checked = 0;
    List<Digest> removed = new ArrayList<>();
    try (Stream<Digest> all = layout.list()) {
      for (Digest digest : (Iterable<Digest>) all::iterator) {
        checked++;
        if (!intact(digest)) {
          removeCorrupt(digest);
          removed.add(digest);
        }
      }
    }
    return new ScrubReport(checked, removed);
  }

  private boolean intact(Digest digest) {
    try {
      verify(digest);
      return true;
    } catch (DigestMismatchException e) {
      return false;
    }
  }

  private void removeCorrupt(Digest digest) {
    Path path = layout.blobPath(digest);
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw StoreErrors.io("remove corrupt", digest, path, e);
    }
  }
}
