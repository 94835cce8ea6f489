package dev.registryclient.api.manifest;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.internal.Immutables;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OCI image manifest or a Docker schema 2 manifest: the config and layers of one image, or an
 * artifact (then {@link #artifactType()} or the config media type says what it is).
 *
 * <pre>{@code
 * ImageManifest m = ImageManifest.of(MediaType.OCI_MANIFEST, bytes, config, layers);
 * for (Descriptor layer : m.layers()) { ... }  // in apply order, base layer first
 * }</pre>
 *
 * <p>{@link #raw()} returns a copy on every call; the constructor copies what it is given. Two
 * manifests are equal when all components, the raw bytes included, are equal.
 *
 * @param mediaType {@link MediaType#OCI_MANIFEST} or {@link MediaType#DOCKER_MANIFEST}, possibly
 *     with parameters
 * @param digest the digest of {@code raw}; checked
 * @param raw the exact bytes served
 * @param config the image config (or artifact config) blob
 * @param layers the layers in apply order
 * @param annotations the manifest's annotations
 * @param subject the manifest this one refers to (signatures, SBOMs, OCI 1.1)
 * @param artifactType what kind of artifact this is, when it is one (OCI 1.1)
 */
public record ImageManifest(
    MediaType mediaType,
    Digest digest,
    byte[] raw,
    Descriptor config,
    List<Descriptor> layers,
    Map<String, String> annotations,
    Optional<Descriptor> subject,
    Optional<MediaType> artifactType)
    implements Manifest {

  /**
   * Validates and copies.
   *
   * @param mediaType {@link MediaType#OCI_MANIFEST} or {@link MediaType#DOCKER_MANIFEST}, possibly
   *     with parameters
   * @param digest the digest of {@code raw}; checked
   * @param raw the exact bytes served
   * @param config the image config (or artifact config) blob
   * @param layers the layers in apply order
   * @param annotations the manifest's annotations
   * @param subject the manifest this one refers to (signatures, SBOMs, OCI 1.1)
   * @param artifactType what kind of artifact this is, when it is one (OCI 1.1)
   * @throws IllegalArgumentException if the media type is not an image manifest type or the digest
   *     is not the digest of {@code raw}
   */
  public ImageManifest {
    RawBytes.requireType(mediaType, MediaType::isManifest, "an image manifest");
    raw = RawBytes.checkedCopy("image manifest", digest, raw);
    Objects.requireNonNull(config, "config");
    layers = Immutables.list(layers, "layers");
    annotations = Immutables.orderedMap(annotations, "annotations");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(artifactType, "artifactType");
  }

  /**
   * A manifest without annotations, subject or artifact type, with the SHA-256 of {@code raw}.
   *
   * @param mediaType {@link MediaType#OCI_MANIFEST} or {@link MediaType#DOCKER_MANIFEST}, possibly
   *     with parameters
   * @param raw the exact bytes served (copied)
   * @param config the config blob's descriptor
   * @param layers the layers in apply order
   * @return the manifest
   * @throws IllegalArgumentException if the media type is not an image manifest type
   */
  public static ImageManifest of(
      MediaType mediaType, byte[] raw, Descriptor config, List<Descriptor> layers) {
    return new ImageManifest(
        mediaType,
        Digest.sha256(raw),
        raw,
        config,
        layers,
        Map.of(),
        Optional.empty(),
        Optional.empty());
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
   * The descriptor that points at this manifest, e.g. for an index or a tag list.
   *
   * @return a descriptor with the media type without parameters, the digest and the size of this
   *     manifest
   */
  public Descriptor descriptor() {
    return Descriptor.of(mediaType.withoutParameters(), digest, raw.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageManifest m
        && mediaType.equals(m.mediaType)
        && digest.equals(m.digest)
        && Arrays.equals(raw, m.raw)
        && config.equals(m.config)
        && layers.equals(m.layers)
        && annotations.equals(m.annotations)
        && subject.equals(m.subject)
        && artifactType.equals(m.artifactType);
  }

  @Override
  public int hashCode() {
    // the digest stands for the bytes, which decide everything else
    return Objects.hash(mediaType, digest);
  }

  @Override
  public String toString() {
    return RawBytes.summary("ImageManifest", mediaType, digest, raw, layers.size() + " layers");
  }
}
