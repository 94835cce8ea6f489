package dev.registryclient.testkit;

import dev.registryclient.api.Digest;
import java.util.List;

/**
 * An image manifest a content helper pushed, with everything a test needs to check a pull.
 *
 * @param registry {@code host:port} of the registry
 * @param repository the repository, e.g. {@code team/app}
 * @param tag the tag, or null if pushed by digest only
 * @param mediaType the manifest's media type
 * @param digest the manifest digest the registry serves in {@code Docker-Content-Digest} (for a
 *     signed schema 1 manifest: the digest of the payload without signatures)
 * @param manifest the manifest bytes exactly as served
 * @param config the config blob (null for schema 1, which has none)
 * @param layers the layer blobs in manifest order (for schema 1: base layer first, although {@code
 *     fsLayers} lists them the other way round)
 * @param os the platform's operating system, e.g. {@code linux}
 * @param architecture the platform's architecture, e.g. {@code amd64}
 */
public record PushedImage(
    String registry,
    String repository,
    String tag,
    String mediaType,
    Digest digest,
    byte[] manifest,
    PushedBlob config,
    List<PushedBlob> layers,
    String os,
    String architecture) {

  /**
   * Copies the arrays and lists.
   *
   * @param registry {@code host:port} of the registry
   * @param repository the repository
   * @param tag the tag, or null
   * @param mediaType the manifest's media type
   * @param digest the manifest digest the registry serves
   * @param manifest the manifest bytes; copied
   * @param config the config blob, or null for schema 1
   * @param layers the layer blobs in order; copied
   * @param os the platform's operating system
   * @param architecture the platform's architecture
   */
  public PushedImage {
    manifest = manifest.clone();
    layers = List.copyOf(layers);
  }

  /**
   * The manifest bytes (a copy).
   *
   * @return a copy of the manifest bytes
   */
  @Override
  public byte[] manifest() {
    return manifest.clone();
  }

  /**
   * {@code host:port/repository:tag}, or the digest reference if there is no tag.
   *
   * @return the tag reference, or {@link #digestReference()} if there is no tag
   */
  public String reference() {
    return tag == null ? digestReference() : registry + "/" + repository + ":" + tag;
  }

  /**
   * {@code host:port/repository@digest}.
   *
   * @return the image's reference by digest
   */
  public String digestReference() {
    return registry + "/" + repository + "@" + digest;
  }

  /**
   * The manifest's size in bytes.
   *
   * @return the length of {@link #manifest()}
   */
  public long size() {
    return manifest.length;
  }

  @Override
  public String toString() {
    return "PushedImage[" + reference() + ", " + mediaType + ", " + digest + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PushedImage p
        && p.digest.equals(digest)
        && p.reference().equals(reference());
  }

  @Override
  public int hashCode() {
    return digest.hashCode();
  }
}
