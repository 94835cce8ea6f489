package dev.registryclient.api;

import dev.registryclient.api.internal.Immutables;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OCI content descriptor: what a manifest says about a blob or a child manifest it points to.
 *
 * <pre>{@code
 * Descriptor layer = Descriptor.of(MediaType.OCI_LAYER_TAR_GZIP, digest, 32_654)
 *     .withAnnotations(Map.of("org.opencontainers.image.title", "rootfs.tar.gz"));
 * Descriptor child = Descriptor.of(MediaType.OCI_MANIFEST, digest2, 1_024)
 *     .withPlatform(Platform.parse("linux/arm64/v8"));
 * }</pre>
 *
 * <p>All collections are unmodifiable copies; annotations keep their order.
 *
 * <p>In an index, BuildKit ({@code --provenance}, {@code --sbom}) adds an <em>attestation
 * manifest</em> next to each image: platform {@code unknown/unknown}, annotated with {@value
 * #REFERENCE_TYPE_ANNOTATION}{@code : attestation-manifest} and {@value
 * #REFERENCE_DIGEST_ANNOTATION} naming the image it describes. It holds in-toto statements, not a
 * runnable image; {@link #isAttestation()} tells it apart:
 *
 * <pre>{@code
 * for (Descriptor child : index.manifests()) {
 *   if (child.isAttestation()) {
 *     System.out.println(child.digest() + " attests " + child.attestedDigest().orElse(null));
 *   }
 * }
 * }</pre>
 *
 * @param mediaType what the target is, e.g. {@link MediaType#OCI_LAYER_TAR_GZIP}
 * @param digest the digest of the target's bytes
 * @param size the size of the target in bytes, at least 0
 * @param urls where else the blob may be fetched from (foreign / non-distributable layers)
 * @param annotations arbitrary metadata
 * @param platform the platform of a child manifest in an index
 * @param artifactType the artifact type of a child manifest, when it is an artifact
 */
public record Descriptor(
    MediaType mediaType,
    Digest digest,
    long size,
    List<String> urls,
    Map<String, String> annotations,
    Optional<Platform> platform,
    Optional<MediaType> artifactType) {

  /** The annotation BuildKit uses to say what kind of reference a child manifest is: {@value}. */
  public static final String REFERENCE_TYPE_ANNOTATION = "vnd.docker.reference.type";

  /** The annotation naming the image manifest a reference describes: {@value}. */
  public static final String REFERENCE_DIGEST_ANNOTATION = "vnd.docker.reference.digest";

  /** The {@value #REFERENCE_TYPE_ANNOTATION} value of an attestation manifest: {@value}. */
  public static final String ATTESTATION_MANIFEST = "attestation-manifest";

  /**
   * Validates and copies.
   *
   * @param mediaType what the target is, e.g. {@link MediaType#OCI_LAYER_TAR_GZIP}
   * @param digest the digest of the target's bytes
   * @param size the size of the target in bytes, at least 0
   * @param urls where else the blob may be fetched from (foreign / non-distributable layers)
   * @param annotations arbitrary metadata
   * @param platform the platform of a child manifest in an index
   * @param artifactType the artifact type of a child manifest, when it is an artifact
   * @throws IllegalArgumentException if {@code size} is negative
   */
  public Descriptor {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    if (size < 0) {
      throw new IllegalArgumentException("descriptor " + digest + " has a negative size: " + size);
    }
    urls = Immutables.list(urls, "urls");
    annotations = Immutables.orderedMap(annotations, "annotations");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(artifactType, "artifactType");
  }

  /**
   * A descriptor with no URLs, annotations, platform or artifact type.
   *
   * @param mediaType what the target is
   * @param digest the digest of the target's bytes
   * @param size the size of the target in bytes, at least 0
   * @return the descriptor
   * @throws IllegalArgumentException if {@code size} is negative
   */
  public static Descriptor of(MediaType mediaType, Digest digest, long size) {
    return new Descriptor(
        mediaType, digest, size, List.of(), Map.of(), Optional.empty(), Optional.empty());
  }

  /**
   * This descriptor with {@code urls}.
   *
   * @param urls the URLs the blob may also be fetched from (copied)
   * @return a copy with {@code urls} replacing this descriptor's URLs
   */
  public Descriptor withUrls(List<String> urls) {
    return new Descriptor(mediaType, digest, size, urls, annotations, platform, artifactType);
  }

  /**
   * This descriptor with {@code annotations} instead of its own.
   *
   * @param annotations the annotations, in order (copied)
   * @return a copy with {@code annotations}
   */
  public Descriptor withAnnotations(Map<String, String> annotations) {
    return new Descriptor(mediaType, digest, size, urls, annotations, platform, artifactType);
  }

  /**
   * This descriptor with {@code platform}.
   *
   * @param platform the platform of the child manifest
   * @return a copy with {@code platform}
   */
  public Descriptor withPlatform(Platform platform) {
    return new Descriptor(
        mediaType, digest, size, urls, annotations, Optional.of(platform), artifactType);
  }

  /**
   * This descriptor with {@code artifactType}.
   *
   * @param artifactType the artifact type of the child manifest
   * @return a copy with {@code artifactType}
   */
  public Descriptor withArtifactType(MediaType artifactType) {
    return new Descriptor(
        mediaType, digest, size, urls, annotations, platform, Optional.of(artifactType));
  }

  /**
   * Whether this index child is an attestation manifest (provenance, SBOM) rather than an image:
   * its {@value #REFERENCE_TYPE_ANNOTATION} annotation is {@value #ATTESTATION_MANIFEST}. The
   * annotation decides, not the {@code unknown/unknown} platform BuildKit also sets.
   *
   * @return {@code true} for an attestation manifest
   */
  public boolean isAttestation() {
    return ATTESTATION_MANIFEST.equals(annotations.get(REFERENCE_TYPE_ANNOTATION));
  }

  /**
   * For an {@linkplain #isAttestation() attestation}, the digest of the image manifest it describes
   * ({@value #REFERENCE_DIGEST_ANNOTATION}); empty for anything else, and when the annotation is
   * missing or not a valid digest (the attestation is still one, it just names no image).
   *
   * @return the attested image manifest's digest, or empty
   */
  public Optional<Digest> attestedDigest() {
    if (!isAttestation()) {
      return Optional.empty();
    }
    String value = annotations.get(REFERENCE_DIGEST_ANNOTATION);
    return value != null && Digest.isValid(value)
        ? Optional.of(Digest.parse(value))
        : Optional.empty();
  }
}
