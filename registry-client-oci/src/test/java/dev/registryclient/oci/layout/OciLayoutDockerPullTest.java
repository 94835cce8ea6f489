package dev.registryclient.oci.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.exception.StoreException;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.oci.testing.RealWorld;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pulled Docker image is recorded in the layout in its OCI form, as OCI tools need it. */
class OciLayoutDockerPullTest {
  private static final ImageReference REF = ImageReference.parse("registry.example/app:1.0");

  @TempDir Path dir;

  @Test
  void aDockerManifestIsTaggedInItsOciFormAndTheOriginalStays() {
    OciLayout layout = OciLayout.at(dir);
    Descriptor docker = dockerImage(layout, "amd64");

    layout.pulled(REF, docker);

    Descriptor tagged = layout.reader().resolve("1.0").orElseThrow();
    assertThat(tagged.mediaType()).isEqualTo(MediaType.OCI_MANIFEST);
    assertThat(tagged.digest()).isNotEqualTo(docker.digest());
    String oci = new String(layout.reader().readManifest(tagged), StandardCharsets.UTF_8);
    assertThat(oci).contains(MediaType.OCI_CONFIG.toString()).doesNotContain("docker");
    assertThat(layout.blobs().exists(docker.digest())).isTrue();
  }

  @Test
  void pullingTheSameDockerImageAgainKeepsOneTagAtTheSameDigest() {
    OciLayout layout = OciLayout.at(dir);
    Descriptor docker = dockerImage(layout, "amd64");

    layout.pulled(REF, docker);
    Descriptor first = layout.reader().resolve("1.0").orElseThrow();
    layout.pulled(REF, docker);

    assertThat(layout.reader().manifests()).singleElement().isEqualTo(first);
  }

  @Test
  void thePlatformOfAManifestPickedFromAListIsKeptOnTheEntry() {
    OciLayout layout = OciLayout.at(dir);
    Descriptor docker = dockerImage(layout, "arm64").withPlatform(Platform.parse("linux/arm64"));

    layout.pulled(REF, docker);

    assertThat(layout.reader().resolve("1.0").orElseThrow().platform())
        .contains(Platform.parse("linux/arm64"));
  }

  @Test
  void aManifestListIsTaggedAsAnOciIndexOfConvertedChildren() {
    OciLayout layout = OciLayout.at(dir);
    Descriptor amd = dockerImage(layout, "amd64");
    Descriptor arm = dockerImage(layout, "arm64");
    String list =
        """
        {"schemaVersion":2,"mediaType":"%s","manifests":[
         {"mediaType":"%s","digest":"%s","size":%d,"platform":{"architecture":"amd64","os":"linux"}},
         {"mediaType":"%s","digest":"%s","size":%d,"platform":{"architecture":"arm64","os":"linux"}}]}"""
            .formatted(
                DockerManifests.LIST_TYPE,
                DockerManifests.MANIFEST_TYPE,
                amd.digest(),
                amd.size(),
                DockerManifests.MANIFEST_TYPE,
                arm.digest(),
                arm.size());
    Descriptor docker =
        layout.putManifest(MediaType.DOCKER_MANIFEST_LIST, list.getBytes(StandardCharsets.UTF_8));

    layout.pulled(REF, docker);

    Descriptor tagged = layout.reader().resolve("1.0").orElseThrow();
    assertThat(tagged.mediaType()).isEqualTo(MediaType.OCI_INDEX);
    ImageIndex index =
        (ImageIndex)
            DockerManifests.decode(readString(layout, tagged), tagged.mediaType().toString());
    assertThat(index.manifests()).hasSize(2);
    for (Descriptor child : index.manifests()) {
      assertThat(child.mediaType()).isEqualTo(MediaType.OCI_MANIFEST);
      assertThat(child.platform()).isPresent();
      assertThat(readString(layout, child)).contains(MediaType.OCI_LAYER_TAR_GZIP.toString());
    }
  }

  @Test
  void aListWhoseChildIsMissingIsRefusedAndNothingIsTagged() throws Exception {
    OciLayout layout = OciLayout.at(dir);
    String list =
        """
        {"schemaVersion":2,"mediaType":"%s","manifests":[
         {"mediaType":"%s","digest":"%s","size":12,"platform":{"architecture":"amd64","os":"linux"}}]}"""
            .formatted(
                DockerManifests.LIST_TYPE,
                DockerManifests.MANIFEST_TYPE,
                DockerManifests.digest("absent"));
    Descriptor docker =
        layout.putManifest(MediaType.DOCKER_MANIFEST_LIST, list.getBytes(StandardCharsets.UTF_8));
    String indexBefore = Files.readString(dir.resolve("index.json"));

    assertThatThrownBy(() -> layout.pulled(REF, docker))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(DockerManifests.digest("absent").toString());
    assertThat(Files.readString(dir.resolve("index.json"))).isEqualTo(indexBefore);
  }

  @Test
  void anOciManifestIsTaggedAsPulled() {
    OciLayout layout = OciLayout.at(dir);
    Descriptor oci = SampleImage.write(layout, "oci");

    layout.pulled(REF, oci);

    assertThat(layout.reader().resolve("1.0").orElseThrow().digest()).isEqualTo(oci.digest());
  }

  @Test
  void aSchema1ManifestIsTaggedUnconverted() {
    OciLayout layout = OciLayout.at(dir);
    Descriptor schema1 =
        layout.putManifest(
            MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST,
            RealWorld.bytes("manifests/schema1-signed-mitr-busybox.json"));

    layout.pulled(REF, schema1);

    assertThat(layout.reader().manifests())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.digest()).isEqualTo(schema1.digest());
              assertThat(entry.mediaType()).isEqualTo(MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST);
            });
    assertThat(layout.blobs().list()).containsExactly(schema1.digest());
  }

  /** Writes config, one layer and a Docker manifest for {@code arch}; returns the manifest's. */
  private static Descriptor dockerImage(OciLayout layout, String arch) {
    byte[] config =
        ("{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\"}}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] layer = ("layer for " + arch).getBytes(StandardCharsets.UTF_8);
    Digest configDigest = put(layout, config);
    Digest layerDigest = put(layout, layer);
    String manifest =
        """
        {"schemaVersion":2,"mediaType":"%s",
         "config":{"mediaType":"%s","size":%d,"digest":"%s"},
         "layers":[{"mediaType":"%s","size":%d,"digest":"%s"}]}"""
            .formatted(
                DockerManifests.MANIFEST_TYPE,
                DockerManifests.CONFIG_TYPE,
                config.length,
                configDigest,
                DockerManifests.GZIP_LAYER,
                layer.length,
                layerDigest);
    return layout.putManifest(MediaType.DOCKER_MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
  }

  private static Digest put(OciLayout layout, byte[] content) {
    Digest digest = Digest.sha256(content);
    try (BlobWriter writer = layout.blobs().writer(digest, content.length)) {
      writer.write(content);
      writer.commit();
    }
    return digest;
  }

  private static String readString(OciLayout layout, Descriptor descriptor) {
    return new String(layout.reader().readManifest(descriptor), StandardCharsets.UTF_8);
  }
}
