package dev.registryclient.testkit;

import dev.registryclient.api.Digest;
import java.util.List;

/**
 * A multi-platform OCI index or Docker manifest list a content helper pushed.
 *
 * @param registry {@code host:port} of the registry
 * @param repository the repository
 * @param tag the tag, or null if pushed by digest only
 * @param mediaType the index's media type
 * @param digest its digest
 * @param manifest its bytes exactly as served
 * @param images the platform images it lists, in order
 */
public record PushedIndex(
    String registry,
    String repository,
    String tag,
    String mediaType,
    Digest digest,
    byte[] manifest,
    List<PushedImage> images) {

  /** Copies the arrays and lists. */
  public PushedIndex {
    manifest = manifest.clone();
    images = List.copyOf(images);
  }

  /** The index bytes (a copy). */
  @Override
  public byte[] manifest() {
    return manifest.clone();
  }

  /** {@code host:port/repository:tag}, or the digest reference if there is no tag. */
  public String reference() {
    return tag == null
        ? registry + "/" + repository + "@" + digest
        : registry + "/" + repository + ":" + tag;
  }

  /** The image for {@code os}/{@code architecture}. */
  public PushedImage image(String os, String architecture) {
    return images.stream()
        .filter(i -> i.os().equals(os) && i.architecture().equals(architecture))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no image for " + os + "/" + architecture));
  }

  @Override
  public String toString() {
    return "PushedIndex["
        + reference()
        + ", "
        + mediaType
        + ", "
        + digest
        + ", "
        + images.size()
        + " images]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PushedIndex p
        && p.digest.equals(digest)
        && p.reference().equals(reference());
  }

  @Override
  public int hashCode() {
    return digest.hashCode();
  }
}
