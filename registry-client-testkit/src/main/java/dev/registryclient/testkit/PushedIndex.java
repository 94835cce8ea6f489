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
 * @param attestations the attestation manifests it lists, in order; empty unless built {@link
 *     IndexBuilder#withAttestations()}
 */
public record PushedIndex(
    String registry,
    String repository,
    String tag,
    String mediaType,
    Digest digest,
    byte[] manifest,
    List<PushedImage> images,
    List<PushedAttestation> attestations) {

  /**
   * Copies the arrays and lists.
   *
   * @param registry {@code host:port} of the registry
   * @param repository the repository
   * @param tag the tag, or null
   * @param mediaType the index's media type
   * @param digest its digest
   * @param manifest its bytes; copied
   * @param images the platform images it lists; copied
   * @param attestations the attestation manifests it lists; copied
   */
  public PushedIndex {
    manifest = manifest.clone();
    images = List.copyOf(images);
    attestations = List.copyOf(attestations);
  }

  /**
   * An index without attestations.
   *
   * @param registry {@code host:port} of the registry
   * @param repository the repository
   * @param tag the tag, or null
   * @param mediaType the index's media type
   * @param digest its digest
   * @param manifest its bytes; copied
   * @param images the platform images it lists; copied
   */
  public PushedIndex(
      String registry,
      String repository,
      String tag,
      String mediaType,
      Digest digest,
      byte[] manifest,
      List<PushedImage> images) {
    this(registry, repository, tag, mediaType, digest, manifest, images, List.of());
  }

  /**
   * The index bytes (a copy).
   *
   * @return a copy of the index bytes
   */
  @Override
  public byte[] manifest() {
    return manifest.clone();
  }

  /**
   * {@code host:port/repository:tag}, or the digest reference if there is no tag.
   *
   * @return the tag reference, or {@code host:port/repository@digest} if there is no tag
   */
  public String reference() {
    return tag == null
        ? registry + "/" + repository + "@" + digest
        : registry + "/" + repository + ":" + tag;
  }

  /**
   * The image for {@code os}/{@code architecture}.
   *
   * @param os the operating system, e.g. {@code linux}
   * @param architecture the architecture, e.g. {@code arm64}
   * @return the first listed image of that platform
   * @throws IllegalArgumentException if the index lists no image for the platform
   */
  public PushedImage image(String os, String architecture) {
    return images.stream()
        .filter(i -> i.os().equals(os) && i.architecture().equals(architecture))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no image for " + os + "/" + architecture));
  }

  /**
   * The attestation of the image for {@code os}/{@code architecture}.
   *
   * @param os the operating system, e.g. {@code linux}
   * @param architecture the architecture, e.g. {@code arm64}
   * @return the attestation manifest describing that image
   * @throws IllegalArgumentException if the index lists no image or no attestation for the platform
   */
  public PushedAttestation attestation(String os, String architecture) {
    Digest image = image(os, architecture).digest();
    return attestations.stream()
        .filter(a -> a.describes().equals(image))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no attestation for " + os + "/" + architecture));
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
