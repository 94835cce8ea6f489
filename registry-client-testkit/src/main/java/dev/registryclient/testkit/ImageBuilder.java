package dev.registryclient.testkit;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.internal.Json;
import dev.registryclient.testkit.internal.Schema1Signer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an image and pushes it straight into a {@link TestRegistry}'s storage (no HTTP, no journal
 * entries). Get one from {@link TestRegistry#image(String)}.
 *
 * <pre>{@code
 * PushedImage image = registry.image("team/app")
 *     .platform("linux", "arm64")
 *     .layer(10 * 1024 * 1024)          // 10 MiB of random bytes, streamed to disk
 *     .layer("hello".getBytes(UTF_8))
 *     .push("v1");                      // Docker schema 2 by default; .oci() for OCI
 * PushedImage legacy = registry.image("team/old").layer(1024).pushSchema1("v1");
 * }</pre>
 *
 * <p>Layers made by {@link #layer(long)} are random bytes labelled with the gzip layer media type;
 * they are <em>not</em> valid gzip or tar, which is fine for clients that only move and verify
 * blobs. For unpacking tests pass real {@code .tar.gz} bytes to {@link #layer(byte[])}. The
 * config's {@code rootfs.diff_ids} therefore repeat the layer digests rather than uncompressed
 * digests.
 */
public final class ImageBuilder {
  private final TestRegistry registry;
  private final String repository;
  private final List<Object> layerSpecs = new ArrayList<>(); // Long size or byte[] content
  private final Map<String, Object> annotations = new LinkedHashMap<>();
  private ImageFormat format = ImageFormat.DOCKER;
  private String os = "linux";
  private String architecture = "amd64";
  private byte[] config;
  private String artifactType;
  private PushedImage subject;

  ImageBuilder(TestRegistry registry, String repository) {
    this.registry = registry;
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  /**
   * Writes an OCI image manifest instead of Docker schema 2.
   *
   * @return this builder
   */
  public ImageBuilder oci() {
    return format(ImageFormat.OCI);
  }

  /**
   * Writes a Docker schema 2 manifest (the default).
   *
   * @return this builder
   */
  public ImageBuilder docker() {
    return format(ImageFormat.DOCKER);
  }

  /**
   * Writes manifests of {@code imageFormat}.
   *
   * @param imageFormat the manifest family; not null
   * @return this builder
   */
  public ImageBuilder format(ImageFormat imageFormat) {
    this.format = Objects.requireNonNull(imageFormat, "imageFormat");
    return this;
  }

  /**
   * Sets the platform recorded in the config (and in an index); default linux/amd64.
   *
   * @param operatingSystem the {@code os}, e.g. {@code linux}; not null
   * @param arch the {@code architecture}, e.g. {@code arm64}; not null
   * @return this builder
   */
  public ImageBuilder platform(String operatingSystem, String arch) {
    this.os = Objects.requireNonNull(operatingSystem, "operatingSystem");
    this.architecture = Objects.requireNonNull(arch, "arch");
    return this;
  }

  /**
   * Adds a layer of {@code size} random bytes, generated straight to disk (1 GiB is fine).
   *
   * @param size the layer's size in bytes; not negative
   * @return this builder
   * @throws IllegalArgumentException if {@code size} is negative
   */
  public ImageBuilder layer(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("layer size must not be negative: " + size);
    }
    layerSpecs.add(size);
    return this;
  }

  /**
   * Adds a layer with exactly these bytes.
   *
   * @param content the layer's bytes; copied
   * @return this builder
   */
  public ImageBuilder layer(byte[] content) {
    layerSpecs.add(content.clone());
    return this;
  }

  /**
   * Uses these config bytes instead of the generated config.
   *
   * @param configJson the config blob's bytes, stored as they are; copied
   * @return this builder
   */
  public ImageBuilder config(byte[] configJson) {
    this.config = configJson.clone();
    return this;
  }

  /**
   * Adds a manifest annotation (OCI and Docker schema 2 manifests).
   *
   * @param key the annotation's key; one set before is replaced
   * @param value the annotation's value
   * @return this builder
   */
  public ImageBuilder annotation(String key, String value) {
    annotations.put(key, value);
    return this;
  }

  /**
   * Sets the manifest's {@code artifactType} (an OCI 1.1 artifact).
   *
   * @param type the artifact's media type, or {@code null} for none (the default)
   * @return this builder
   */
  public ImageBuilder artifactType(String type) {
    this.artifactType = type;
    return this;
  }

  /**
   * Makes the manifest refer to {@code image} as its {@code subject}, so it lists as a referrer.
   *
   * @param image the manifest this one refers to, or {@code null} for none (the default)
   * @return this builder
   */
  public ImageBuilder subject(PushedImage image) {
    this.subject = image;
    return this;
  }

  /**
   * Pushes blobs and manifest and tags it {@code tag}.
   *
   * @param tag the tag; not null
   * @return the pushed image, with its manifest's digest and bytes
   */
  public PushedImage push(String tag) {
    return pushAs(Objects.requireNonNull(tag, "tag"), format);
  }

  /**
   * Pushes blobs and manifest without a tag.
   *
   * @return the pushed image, with its manifest's digest and bytes and no tag
   */
  public PushedImage pushByDigest() {
    return pushAs(null, format);
  }

  PushedImage pushAs(String tag, ImageFormat imageFormat) {
    List<PushedBlob> layers = pushLayers(imageFormat.layerType());
    byte[] configBytes = config != null ? config : defaultConfig(layers);
    PushedBlob configBlob = registry.pushBlob(repository, configBytes, imageFormat.configType());
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2L);
    manifest.put("mediaType", imageFormat.manifestType());
    if (artifactType != null) {
      manifest.put("artifactType", artifactType);
    }
    manifest.put("config", descriptor(configBlob));
    manifest.put("layers", layers.stream().map(ImageBuilder::descriptor).toList());
    if (subject != null) {
      manifest.put(
          "subject",
          Json.object(
              "mediaType", subject.mediaType(),
              "digest", subject.digest().toString(),
              "size", subject.size()));
    }
    if (!annotations.isEmpty()) {
      manifest.put("annotations", annotations);
    }
    byte[] bytes =
        Json.pretty(manifest, "", "   ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Digest digest = registry.pushManifest(repository, tag, imageFormat.manifestType(), bytes);
    return new PushedImage(
        registry.hostAndPort(),
        repository,
        tag,
        imageFormat.manifestType(),
        digest,
        bytes,
        configBlob,
        layers,
        os,
        architecture);
  }

  /**
   * Pushes the layers and a libtrust-signed (ES256) Docker schema 1 manifest tagged {@code tag}.
   * The returned digest is the one the registry serves: sha256 of the payload without signatures.
   *
   * @param tag the tag, also written into the manifest; not null
   * @return the pushed image, with the signed manifest's bytes and no config
   * @throws IllegalStateException if no layer was added
   */
  public PushedImage pushSchema1(String tag) {
    Objects.requireNonNull(tag, "tag");
    if (layerSpecs.isEmpty()) {
      throw new IllegalStateException("a schema 1 image needs at least one layer");
    }
    List<PushedBlob> layers = pushLayers("application/octet-stream");
    Map<String, Object> payload =
        Schema1Manifest.of(
            repository, tag, architecture, os, layers.stream().map(PushedBlob::digest).toList());
    byte[] signed = registry.schema1Signer().sign(Schema1Signer.payload(payload));
    Digest digest = registry.pushManifest(repository, tag, ImageFormat.SCHEMA1_SIGNED, signed);
    return new PushedImage(
        registry.hostAndPort(),
        repository,
        tag,
        ImageFormat.SCHEMA1_SIGNED,
        digest,
        signed,
        null,
        layers,
        os,
        architecture);
  }

  private List<PushedBlob> pushLayers(String mediaType) {
    List<PushedBlob> layers = new ArrayList<>();
    for (Object spec : layerSpecs) {
      layers.add(
          spec instanceof Long size
              ? registry.pushRandomBlob(repository, size, mediaType)
              : registry.pushBlob(repository, (byte[]) spec, mediaType));
    }
    return layers;
  }

  private byte[] defaultConfig(List<PushedBlob> layers) {
    List<String> diffIds = layers.stream().map(l -> l.digest().toString()).toList();
    return Json.bytes(
        Json.object(
            "architecture",
            architecture,
            "os",
            os,
            "created",
            "2024-01-01T00:00:00Z",
            "config",
            Json.object("Env", List.of("PATH=/usr/bin:/bin")),
            "rootfs",
            Json.object("type", "layers", "diff_ids", diffIds)));
  }

  private static Map<String, Object> descriptor(PushedBlob blob) {
    return Json.object(
        "mediaType", blob.mediaType(), "size", blob.size(), "digest", blob.digest().toString());
  }

  String os() {
    return os;
  }

  String architecture() {
    return architecture;
  }
}
