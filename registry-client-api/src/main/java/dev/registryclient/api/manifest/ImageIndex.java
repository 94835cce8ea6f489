package dev.registryclient.api.manifest;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.internal.Immutables;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OCI image index or a Docker manifest list: one manifest per platform, plus, from BuildKit, one
 * {@linkplain Descriptor#isAttestation() attestation manifest} per image (platform {@code
 * unknown/unknown}). {@link #manifests()} holds every child; {@link #images()} and {@link
 * #attestations()} split them, and platform lookups only ever see the images.
 *
 * <pre>{@code
 * ImageIndex index = ImageIndex.of(MediaType.OCI_INDEX, bytes, manifests);
 * List<Descriptor> arm = index.manifestsMatching(Platform.parse("linux/arm64"));
 * index.platforms();                       // [linux/amd64, linux/arm64/v8], never unknown/unknown
 * for (Descriptor a : index.attestations()) {
 *   System.out.println(a.digest() + " describes " + a.attestedDigest().orElse(null));
 * }
 * List<Descriptor> provenance = index.attestationsFor(arm.get(0).digest());
 * }</pre>
 *
 * <p>{@link #raw()} returns a copy on every call; the constructor copies what it is given.
 *
 * @param mediaType {@link MediaType#OCI_INDEX} or {@link MediaType#DOCKER_MANIFEST_LIST}, possibly
 *     with parameters
 * @param digest the digest of {@code raw}; checked
 * @param raw the exact bytes served
 * @param manifests the child manifests in document order, each usually with a platform
 * @param annotations the index's annotations
 * @param subject the manifest this index refers to (OCI 1.1)
 * @param artifactType what kind of artifact this is, when it is one (OCI 1.1)
 */
public record ImageIndex(
    MediaType mediaType,
    Digest digest,
    byte[] raw,
    List<Descriptor> manifests,
    Map<String, String> annotations,
    Optional<Descriptor> subject,
    Optional<MediaType> artifactType)
    implements Manifest {

  /**
   * Validates and copies.
   *
   * @param mediaType {@link MediaType#OCI_INDEX} or {@link MediaType#DOCKER_MANIFEST_LIST},
   *     possibly with parameters
   * @param digest the digest of {@code raw}; checked
   * @param raw the exact bytes served
   * @param manifests the child manifests in document order, each usually with a platform
   * @param annotations the index's annotations
   * @param subject the manifest this index refers to (OCI 1.1)
   * @param artifactType what kind of artifact this is, when it is one (OCI 1.1)
   * @throws IllegalArgumentException if the media type is not an index type or the digest is not
   *     the digest of {@code raw}
   */
  public ImageIndex {
    RawBytes.requireType(mediaType, MediaType::isIndex, "an image index");
    raw = RawBytes.checkedCopy("image index", digest, raw);
    manifests = Immutables.list(manifests, "manifests");
    annotations = Immutables.orderedMap(annotations, "annotations");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(artifactType, "artifactType");
  }

  /**
   * An index without annotations, subject or artifact type, with the SHA-256 of {@code raw}.
   *
   * @param mediaType {@link MediaType#OCI_INDEX} or {@link MediaType#DOCKER_MANIFEST_LIST},
   *     possibly with parameters
   * @param raw the exact bytes served (copied)
   * @param manifests the child manifests in document order
   * @return the index
   * @throws IllegalArgumentException if the media type is not an index type
   */
  public static ImageIndex of(MediaType mediaType, byte[] raw, List<Descriptor> manifests) {
    return new ImageIndex(
        mediaType,
        Digest.sha256(raw),
        raw,
        manifests,
        Map.of(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * The image children whose platform {@linkplain Platform#matches(Platform) matches} {@code
   * wanted}, in document order. Children without a platform and attestations never match, so {@code
   * unknown/unknown} does not select an attestation manifest.
   *
   * @param wanted the platform to look for
   * @return the matching image descriptors, possibly empty
   */
  public List<Descriptor> manifestsMatching(Platform wanted) {
    Objects.requireNonNull(wanted, "wanted");
    return images().stream()
        .filter(d -> d.platform().map(p -> p.matches(wanted)).orElse(false))
        .toList();
  }

  /**
   * The children that are images, not {@linkplain Descriptor#isAttestation() attestations}.
   *
   * @return the image descriptors in document order
   */
  public List<Descriptor> images() {
    return manifests.stream().filter(d -> !d.isAttestation()).toList();
  }

  /**
   * The {@linkplain Descriptor#isAttestation() attestation manifests}, in document order.
   *
   * @return the attestation descriptors, possibly empty
   */
  public List<Descriptor> attestations() {
    return manifests.stream().filter(Descriptor::isAttestation).toList();
  }

  /**
   * The attestation manifests that describe the image manifest {@code image} (their {@link
   * Descriptor#attestedDigest()}), in document order; usually one, or none.
   *
   * @param image the digest of an image manifest in this index
   * @return the attestation descriptors for it, possibly empty
   */
  public List<Descriptor> attestationsFor(Digest image) {
    Objects.requireNonNull(image, "image");
    Optional<Digest> wanted = Optional.of(image);
    return manifests.stream().filter(d -> d.attestedDigest().equals(wanted)).toList();
  }

  /**
   * The platforms of the {@linkplain #images() images} that state one, in document order: what an
   * index offers to run. Attestations' {@code unknown/unknown} is never among them.
   *
   * @return the stated platforms, possibly empty
   */
  public List<Platform> platforms() {
    return images().stream().map(Descriptor::platform).flatMap(Optional::stream).toList();
  }

  /** A copy of the exact bytes served. */
  @Override
  public byte[] raw() {
    return raw.clone();
  }

  @Override
  public int size() {
    return raw.length;
  }

  /** Always 2. */
  @Override
  public int schemaVersion() {
    return 2;
  }

  /**
   * The descriptor that points at this index.
   *
   * @return a descriptor with the media type without parameters, the digest and the size of this
   *     index
   */
  public Descriptor descriptor() {
    return Descriptor.of(mediaType.withoutParameters(), digest, raw.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageIndex i
        && mediaType.equals(i.mediaType)
        && digest.equals(i.digest)
        && Arrays.equals(raw, i.raw)
        && manifests.equals(i.manifests)
        && annotations.equals(i.annotations)
        && subject.equals(i.subject)
        && artifactType.equals(i.artifactType);
  }

  @Override
  public int hashCode() {
    // the digest stands for the bytes, which decide everything else
    return Objects.hash(mediaType, digest);
  }

  @Override
  public String toString() {
    return RawBytes.summary("ImageIndex", mediaType, digest, raw, manifests.size() + " manifests");
  }
}
