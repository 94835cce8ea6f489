package dev.registryclient.oci.pull;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.manifest.Manifest;
import java.util.Objects;

/**
 * A manifest as served, with the descriptor a registry addresses it by.
 *
 * @param manifest the parsed manifest, with its exact bytes
 * @param host the host that served it
 */
public record FetchedManifest(Manifest manifest, String host) {
  /** Checks for nulls. */
  public FetchedManifest {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(host, "host");
  }

  /** Media type, registry digest and size. */
  public Descriptor descriptor() {
    return Descriptor.of(manifest.mediaType(), manifest.digest(), manifest.size());
  }

  /**
   * The descriptor of the bytes as stored in a blob store: the digest of the raw bytes, which for a
   * signed schema 1 manifest differs from the registry digest.
   */
  public Descriptor storedDescriptor() {
    byte[] raw = manifest.raw();
    Digest digest = manifest.digest();
    Digest stored = Digest.sha256(raw);
    return stored.equals(digest)
        ? descriptor()
        : Descriptor.of(manifest.mediaType(), stored, raw.length);
  }
}
