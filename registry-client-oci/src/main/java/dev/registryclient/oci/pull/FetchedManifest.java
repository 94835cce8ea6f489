package dev.registryclient.oci.pull;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.config.Source;
import dev.registryclient.api.manifest.Manifest;
import java.util.Objects;
import java.util.Optional;

/**
 * A manifest as served, with the descriptor a registry addresses it by.
 *
 * @param manifest the parsed manifest, with its exact bytes
 * @param host the host that served it
 * @param source the mirror or registry it came from, when a registry configuration chose it
 */
public record FetchedManifest(Manifest manifest, String host, Optional<Source> source) {
  /** Checks for nulls. */
  public FetchedManifest {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(source, "source");
  }

  /** A manifest from the registry the reference names. */
  public FetchedManifest(Manifest manifest, String host) {
    this(manifest, host, Optional.empty());
  }

  /** This manifest as served by {@code from}. */
  public FetchedManifest from(Source from) {
    return new FetchedManifest(manifest, host, Optional.of(from));
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
