package dev.registryclient.testkit;

/** The manifest family a content helper writes, with the media types each uses. */
public enum ImageFormat {
  /** Docker Image Manifest V2, Schema 2, and Docker manifest lists. */
  DOCKER(
      "application/vnd.docker.distribution.manifest.v2+json",
      "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.docker.container.image.v1+json",
      "application/vnd.docker.image.rootfs.diff.tar.gzip"),
  /** OCI image manifest and OCI image index. */
  OCI(
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.oci.image.index.v1+json",
      "application/vnd.oci.image.config.v1+json",
      "application/vnd.oci.image.layer.v1.tar+gzip");

  /** The media type of signed Docker schema 1 manifests. */
  public static final String SCHEMA1_SIGNED =
      "application/vnd.docker.distribution.manifest.v1+prettyjws";

  private final String manifestType;
  private final String indexType;
  private final String configType;
  private final String layerType;

  ImageFormat(String manifestType, String indexType, String configType, String layerType) {
    this.manifestType = manifestType;
    this.indexType = indexType;
    this.configType = configType;
    this.layerType = layerType;
  }

  /**
   * The image manifest media type.
   *
   * @return the media type of this family's image manifests
   */
  public String manifestType() {
    return manifestType;
  }

  /**
   * The index / manifest list media type.
   *
   * @return the media type of this family's indexes (manifest lists)
   */
  public String indexType() {
    return indexType;
  }

  /**
   * The config blob media type.
   *
   * @return the media type of this family's config blobs
   */
  public String configType() {
    return configType;
  }

  /**
   * The (gzip) layer media type.
   *
   * @return the media type of this family's gzip-compressed layers
   */
  public String layerType() {
    return layerType;
  }
}
