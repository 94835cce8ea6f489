package dev.registryclient.api.manifest;

import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;

/**
 * A manifest as a registry served it: one of an {@link ImageManifest} (one image), an {@link
 * ImageIndex} (one image per platform) or a legacy {@link Schema1Manifest}.
 *
 * <pre>{@code
 * if (manifest instanceof ImageIndex index) {
 *   pick(index.manifestsMatching(Platform.current()));
 * } else if (manifest instanceof ImageManifest image) {
 *   pull(image.config(), image.layers());
 * } else if (manifest instanceof Schema1Manifest old) {
 *   pullLegacy(old.layers());
 * }
 * }</pre>
 *
 * <p>These are plain values; reading them from JSON is the job of the {@code registry-client-oci}
 * module. Every manifest keeps the exact bytes it was read from, because its digest, and any
 * signature over it, are defined over those bytes.
 */
public sealed interface Manifest permits ImageManifest, ImageIndex, Schema1Manifest {

  /**
   * The media type the manifest was served as (or declares).
   *
   * @return the media type, possibly with parameters
   */
  MediaType mediaType();

  /**
   * The digest registries address this manifest by: the digest of {@link #raw()}, except for a
   * signed schema 1 manifest, where it is the digest of the JWS payload without the signatures.
   *
   * @return the manifest's digest
   */
  Digest digest();

  /**
   * A fresh copy of the exact bytes served; changing it changes nothing here.
   *
   * @return a copy of the bytes
   */
  byte[] raw();

  /**
   * The number of bytes served, without copying them.
   *
   * @return the size in bytes
   */
  int size();

  /**
   * {@code schemaVersion}: 2, or 1 for {@link Schema1Manifest}.
   *
   * @return the schema version, 1 or 2
   */
  int schemaVersion();
}
