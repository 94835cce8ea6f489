package dev.registryclient.testkit;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a multi-platform OCI index (default) or Docker manifest list and pushes it, with its
 * platform images, into a {@link TestRegistry}. Get one from {@link TestRegistry#index(String)}.
 *
 * <pre>{@code
 * PushedIndex index = registry.index("team/app")
 *     .add(registry.image("team/app").platform("linux", "amd64").layer(1024))
 *     .add(registry.image("team/app").platform("linux", "arm64").layer(1024))
 *     .dockerManifestList()
 *     .push("multi");
 * PushedImage arm = index.image("linux", "arm64");
 * }</pre>
 *
 * <p>Platform images are pushed by digest in the index's format, whatever format their builder was
 * set to. {@link #withAttestations()} adds a BuildKit-style attestation manifest after each image.
 */
public final class IndexBuilder {
  private final TestRegistry registry;
  private final String repository;
  private final List<ImageBuilder> images = new ArrayList<>();
  private ImageFormat format = ImageFormat.OCI;
  private boolean attestations;

  IndexBuilder(TestRegistry registry, String repository) {
    this.registry = registry;
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  /**
   * Adds a platform image.
   *
   * @param image the builder of the platform image, pushed when the index is; not null
   * @return this builder
   */
  public IndexBuilder add(ImageBuilder image) {
    images.add(Objects.requireNonNull(image, "image"));
    return this;
  }

  /**
   * Writes a Docker manifest list of Docker schema 2 images.
   *
   * @return this builder
   */
  public IndexBuilder dockerManifestList() {
    format = ImageFormat.DOCKER;
    return this;
  }

  /**
   * Writes an OCI index of OCI images (the default).
   *
   * @return this builder
   */
  public IndexBuilder oci() {
    format = ImageFormat.OCI;
    return this;
  }

  /**
   * Lists an attestation manifest after each image, as {@code docker buildx build --provenance}
   * does: platform {@code unknown/unknown}, annotations {@code vnd.docker.reference.type:
   * attestation-manifest} and {@code vnd.docker.reference.digest} naming the image, and one {@code
   * application/vnd.in-toto+json} layer. OCI indexes only, like BuildKit.
   *
   * @return this builder
   */
  public IndexBuilder withAttestations() {
    attestations = true;
    return this;
  }

  /**
   * Pushes the images and the index and tags the index {@code tag}.
   *
   * @param tag the index's tag; not null
   * @return the pushed index with its images (and attestations)
   * @throws IllegalStateException if attestations are asked for in a Docker manifest list
   */
  public PushedIndex push(String tag) {
    return pushAs(Objects.requireNonNull(tag, "tag"));
  }

  /**
   * Pushes the images and the index without a tag.
   *
   * @return the pushed index with its images (and attestations), and no tag
   * @throws IllegalStateException if attestations are asked for in a Docker manifest list
   */
  public PushedIndex pushByDigest() {
    return pushAs(null);
  }

  private PushedIndex pushAs(String tag) {
    if (attestations && format != ImageFormat.OCI) {
      throw new IllegalStateException("BuildKit writes attestations into OCI indexes only");
    }
    List<PushedImage> pushed = new ArrayList<>();
    List<PushedAttestation> attested = new ArrayList<>();
    List<Object> descriptors = new ArrayList<>();
    for (ImageBuilder builder : images) {
      PushedImage image = builder.pushAs(null, format);
      pushed.add(image);
      descriptors.add(
          Json.object(
              "mediaType", image.mediaType(),
              "size", image.size(),
              "digest", image.digest().toString(),
              "platform", Json.object("architecture", image.architecture(), "os", image.os())));
      if (attestations) {
        PushedAttestation attestation = AttestationManifest.push(registry, repository, image);
        attested.add(attestation);
        descriptors.add(AttestationManifest.indexEntry(attestation));
      }
    }
    Map<String, Object> index =
        Json.object("schemaVersion", 2L, "mediaType", format.indexType(), "manifests", descriptors);
    byte[] bytes = Json.pretty(index, "", "   ").getBytes(StandardCharsets.UTF_8);
    Digest digest = registry.pushManifest(repository, tag, format.indexType(), bytes);
    return new PushedIndex(
        registry.hostAndPort(),
        repository,
        tag,
        format.indexType(),
        digest,
        bytes,
        pushed,
        attested);
  }
}
