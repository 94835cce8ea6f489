package dev.registryclient.oci.layout;

import static dev.registryclient.oci.layout.DockerManifests.FOREIGN_LAYER;
import static dev.registryclient.oci.layout.DockerManifests.GZIP_LAYER;
import static dev.registryclient.oci.layout.DockerManifests.TAR_LAYER;
import static dev.registryclient.oci.layout.DockerManifests.digest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OciConversionTest {
  private final Digest config = digest("config");

  @Test
  void aDockerManifestBecomesAnOciManifestOverTheSameBlobs() {
    ImageManifest docker = DockerManifests.image(DockerManifests.manifest(config, GZIP_LAYER));

    ImageManifest oci = OciConversion.manifest(docker);

    assertThat(oci.mediaType()).isEqualTo(MediaType.OCI_MANIFEST);
    assertThat(oci.config())
        .isEqualTo(Descriptor.of(MediaType.OCI_CONFIG, config, docker.config().size()));
    assertThat(oci.layers())
        .singleElement()
        .isEqualTo(
            Descriptor.of(
                MediaType.OCI_LAYER_TAR_GZIP,
                docker.layers().get(0).digest(),
                docker.layers().get(0).size()));
    assertThat(oci.digest()).isEqualTo(Digest.sha256(oci.raw()));
  }

  @Test
  void theConvertedBytesAreCompactInImageSpecFieldOrder() {
    ImageManifest docker = DockerManifests.image(DockerManifests.manifest(config, TAR_LAYER));

    String json = new String(OciConversion.manifest(docker).raw(), StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo(
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                + "\"digest\":\""
                + config
                + "\",\"size\":1469},\"layers\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\""
                + digest("layer 0")
                + "\",\"size\":1000}]}");
  }

  @Test
  void theSameImageConvertsToTheSameDigestWhateverTheSourceFormatting() {
    String pretty = DockerManifests.manifest(config, GZIP_LAYER, GZIP_LAYER);
    String compact = pretty.replaceAll("\\s+", "");

    ImageManifest fromPretty = OciConversion.manifest(DockerManifests.image(pretty));
    ImageManifest fromCompact = OciConversion.manifest(DockerManifests.image(compact));

    assertThat(fromPretty.digest()).isEqualTo(fromCompact.digest());
    assertThat(fromPretty.raw()).isEqualTo(fromCompact.raw());
  }

  @Test
  void foreignLayersBecomeNonDistributableAndKeepTheirUrls() {
    String json =
        DockerManifests.manifest(config, FOREIGN_LAYER)
            .replace(
                "\"size\": 1000,",
                "\"size\": 1000, \"urls\": [\"https://mcr.microsoft.com/l/1\"],");

    ImageManifest oci = OciConversion.manifest(DockerManifests.image(json));

    Descriptor layer = oci.layers().get(0);
    assertThat(layer.mediaType()).isEqualTo(MediaType.OCI_NONDISTRIBUTABLE_LAYER_TAR_GZIP);
    assertThat(layer.urls()).containsExactly("https://mcr.microsoft.com/l/1");
    assertThat(new String(oci.raw(), StandardCharsets.UTF_8))
        .contains("\"size\":1000,\"urls\":[\"https://mcr.microsoft.com/l/1\"]");
  }

  @Test
  void uncompressedForeignLayersBecomeUncompressedNonDistributable() {
    ImageManifest docker =
        DockerManifests.image(
            DockerManifests.manifest(
                config, "application/vnd.docker.image.rootfs.foreign.diff.tar"));

    assertThat(OciConversion.manifest(docker).layers().get(0).mediaType())
        .isEqualTo(MediaType.OCI_NONDISTRIBUTABLE_LAYER_TAR);
  }

  @Test
  void ociLayerTypesMixedIntoADockerManifestAreKept() {
    ImageManifest docker =
        DockerManifests.image(
            DockerManifests.manifest(config, "application/vnd.oci.image.layer.v1.tar+zstd"));

    assertThat(OciConversion.manifest(docker).layers().get(0).mediaType())
        .isEqualTo(MediaType.OCI_LAYER_TAR_ZSTD);
  }

  @Test
  void layerAndManifestAnnotationsAreKeptSortedByKey() {
    String json =
        DockerManifests.manifest(config, GZIP_LAYER)
            .replace(
                "\"size\": 1000,", "\"size\": 1000, \"annotations\": {\"z\": \"1\", \"a\": \"2\"},")
            .replaceFirst(
                "\\{", "{\"annotations\": {\"org.example/b\": \"x\", \"org.example/a\": \"y\"},");

    ImageManifest oci = OciConversion.manifest(DockerManifests.image(json));

    assertThat(oci.annotations()).containsOnlyKeys("org.example/a", "org.example/b");
    assertThat(oci.layers().get(0).annotations()).containsEntry("z", "1").containsEntry("a", "2");
    assertThat(new String(oci.raw(), StandardCharsets.UTF_8))
        .contains("\"annotations\":{\"a\":\"2\",\"z\":\"1\"}")
        .endsWith(",\"annotations\":{\"org.example/a\":\"y\",\"org.example/b\":\"x\"}}");
  }

  @Test
  void aLayerTypeWithoutAnOciEquivalentIsRefusedByName() {
    ImageManifest docker =
        DockerManifests.image(
            DockerManifests.manifest(config, "application/vnd.example.custom.layer"));

    assertThatThrownBy(() -> OciConversion.manifest(docker))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("application/vnd.example.custom.layer")
        .hasMessageContaining(docker.digest().toString());
  }

  @Test
  void theConvertedManifestReadsBackAsTheSameOciImage() {
    ImageManifest oci =
        OciConversion.manifest(
            DockerManifests.image(DockerManifests.manifest(config, GZIP_LAYER, TAR_LAYER)));

    Manifest reread =
        DockerManifests.decode(
            new String(oci.raw(), StandardCharsets.UTF_8), MediaType.OCI_MANIFEST.toString());

    assertThat(reread).isEqualTo(oci);
  }

  @Test
  void anOciManifestIsReturnedAsItIs() {
    ImageManifest docker = DockerManifests.image(DockerManifests.manifest(config, GZIP_LAYER));
    ImageManifest oci = OciConversion.manifest(docker);

    assertThat(OciConversion.manifest(oci)).isSameAs(oci);
    assertThat(OciConversion.converts(MediaType.OCI_MANIFEST)).isFalse();
    assertThat(OciConversion.converts(MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST)).isFalse();
    assertThat(OciConversion.converts(MediaType.DOCKER_MANIFEST)).isTrue();
    assertThat(OciConversion.converts(MediaType.DOCKER_MANIFEST_LIST)).isTrue();
    assertThat(List.of(oci.config().mediaType())).containsExactly(MediaType.OCI_CONFIG);
  }
}
