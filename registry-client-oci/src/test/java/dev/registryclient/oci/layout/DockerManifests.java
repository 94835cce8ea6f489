package dev.registryclient.oci.layout;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.oci.manifest.ManifestCodec;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Docker schema 2 documents as registries serve them, for conversion tests. */
final class DockerManifests {
  static final String MANIFEST_TYPE = "application/vnd.docker.distribution.manifest.v2+json";
  static final String LIST_TYPE = "application/vnd.docker.distribution.manifest.list.v2+json";
  static final String CONFIG_TYPE = "application/vnd.docker.container.image.v1+json";
  static final String GZIP_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";
  static final String TAR_LAYER = "application/vnd.docker.image.rootfs.diff.tar";
  static final String FOREIGN_LAYER = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

  private DockerManifests() {}

  /** A pretty-printed Docker manifest, as docker push writes it, with these layer types. */
  static String manifest(Digest config, String... layerTypes) {
    StringBuilder layers = new StringBuilder();
    for (int i = 0; i < layerTypes.length; i++) {
      layers
          .append(i == 0 ? "" : ",\n")
          .append("      {\n         \"mediaType\": \"")
          .append(layerTypes[i])
          .append("\",\n         \"size\": ")
          .append(1000 + i)
          .append(",\n         \"digest\": \"")
          .append(digest("layer " + i))
          .append("\"\n      }");
    }
    return """
        {
           "schemaVersion": 2,
           "mediaType": "%s",
           "config": {
              "mediaType": "%s",
              "size": 1469,
              "digest": "%s"
           },
           "layers": [
        %s
           ]
        }"""
        .formatted(MANIFEST_TYPE, CONFIG_TYPE, config, layers);
  }

  static Digest digest(String content) {
    return Digest.sha256(content.getBytes(StandardCharsets.UTF_8));
  }

  static ImageManifest image(String json) {
    return (ImageManifest) decode(json, MANIFEST_TYPE);
  }

  static ImageIndex list(byte[] json) {
    return (ImageIndex)
        ManifestCodec.defaults()
            .decode(json, Optional.of(LIST_TYPE), ErrorContext.of(Phase.MANIFEST));
  }

  static Manifest decode(String json, String contentType) {
    return ManifestCodec.defaults()
        .decode(
            json.getBytes(StandardCharsets.UTF_8),
            Optional.of(contentType),
            ErrorContext.of(Phase.MANIFEST));
  }
}
