package dev.registryclient.oci.pull;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import java.util.Objects;

/**
 * One blob a pull needs.
 *
 * @param digest the blob
 * @param size its size, or -1 when the manifest does not say (schema 1): then the response's {@code
 *     Content-Length} is used
 */
public record BlobTask(Digest digest, long size) {
  /** Checks the values. */
  public BlobTask {
    Objects.requireNonNull(digest, "digest");
    if (size < -1) {
      throw new IllegalArgumentException("size of " + digest + " must be -1 or more: " + size);
    }
  }

  /** The task for a descriptor's blob. */
  public static BlobTask of(Descriptor descriptor) {
    return new BlobTask(descriptor.digest(), descriptor.size());
  }
}
