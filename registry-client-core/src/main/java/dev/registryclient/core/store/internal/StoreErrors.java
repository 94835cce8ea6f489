package dev.registryclient.core.store.internal;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.BlobNotFoundInStoreException;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.StoreException;
import java.io.IOException;
import java.nio.file.Path;

/** Builds the typed store exceptions, so every message names the store path and the digest. */
public final class StoreErrors {
  /** The context of every store failure. */
  public static final ErrorContext CONTEXT = ErrorContext.of(Phase.STORE);

  private StoreErrors() {}

  /** An I/O failure while doing {@code action} (e.g. "write") on a blob at {@code path}. */
  public static StoreException io(String action, Digest digest, Path path, IOException cause) {
    return new StoreException(
        CONTEXT, "cannot " + action + " blob " + digest + " at " + path + ": " + cause, cause);
  }

  /** A blob that is not there. */
  public static BlobNotFoundInStoreException notFound(Digest digest, Path root) {
    return new BlobNotFoundInStoreException(CONTEXT, digest.toString(), "store " + root);
  }

  /** Content whose size or digest differs from what it was written or stored as. */
  public static DigestMismatchException mismatch(Path where, String expected, String actual) {
    return new DigestMismatchException(CONTEXT, "store " + where, expected, actual);
  }

  /** A blob file that is a symbolic link, which could point anywhere outside the store. */
  public static StoreException symlink(Digest digest, Path path) {
    return new StoreException(
        CONTEXT,
        "blob "
            + digest
            + " at "
            + path
            + " is a symbolic link; refusing to follow it out of the store");
  }
}
