package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Docker schema 2 image (what most registries serve) pulled into an OCI layout is one skopeo
 * 1.9's {@code oci:} transport and umoci read, because the layout records it in its OCI form.
 */
class DockerImageLayoutIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static DistributionRegistry registry;
  static RegistryClient client;
  static String repo;

  @BeforeAll
  static void pushDockerImagesWithSkopeo() {
    registry = DistributionRegistry.builder().start();
    client = RegistryClient.builder().build();
    Images.helloLayout(tmp, "amd64", "docker image, amd64\n");
    Path layout = Images.helloLayout(tmp, "arm64", "docker image, arm64\n");
    Images.addIndex(layout, "multi");
    repo = registry.hostAndPort() + "/it/docker";
    Images.push(layout, "amd64", repo + ":v2s2", "--format", "v2s2");
    Images.push(layout, "multi", repo + ":list", "--all", "--format", "v2s2");
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void skopeoInspectsThePulledDockerImageWithItsLayers(@TempDir Path out) throws Exception {
    ImageManifest served = (ImageManifest) client.manifest(repo + ":v2s2");
    assertThat(served.mediaType()).isEqualTo(MediaType.DOCKER_MANIFEST);

    PullResult pulled = client.pull(repo + ":v2s2").into(OciLayout.at(out)).execute();

    assertThat(pulled.manifest().digest()).isEqualTo(served.digest());
    JsonNode inspect = JSON.readTree(Images.skopeo("inspect", "oci:" + out + ":v2s2"));
    assertThat(texts(inspect.get("Layers")))
        .containsExactlyElementsOf(layerDigests(served).stream().map(Digest::toString).toList());
    JsonNode raw = JSON.readTree(Images.skopeo("inspect", "--raw", "oci:" + out + ":v2s2"));
    assertThat(raw.get("mediaType").asText()).isEqualTo(MediaType.OCI_MANIFEST.toString());
    assertThat(raw.at("/config/digest").asText()).isEqualTo(served.config().digest().toString());
    assertThat(Files.exists(out.resolve("blobs/sha256/" + served.digest().hex()))).isTrue();
  }

  @Test
  void umociUnpacksThePulledDockerImageWithTheFileContent(@TempDir Path out) throws Exception {
    client.pull(repo + ":v2s2").into(OciLayout.at(out.resolve("layout"))).execute();
    Path bundle = out.resolve("bundle");

    Images.umoci(
        "unpack", "--rootless", "--image", out.resolve("layout") + ":v2s2", bundle.toString());

    assertThat(Files.readString(bundle.resolve("rootfs/hello.txt")))
        .isEqualTo("docker image, amd64\n");
  }

  @Test
  void skopeoCopiesThePulledDockerImageBackToTheRegistry(@TempDir Path out) {
    PullResult pulled = client.pull(repo + ":v2s2").into(OciLayout.at(out)).execute();

    Images.skopeo(
        "copy",
        "--dest-tls-verify=false",
        "oci:" + out + ":v2s2",
        "docker://" + repo + "-copy:v2s2");

    ImageManifest copied = (ImageManifest) client.manifest(repo + "-copy:v2s2");
    ImageManifest original = (ImageManifest) client.manifest(repo + ":v2s2");
    assertThat(copied.layers()).extracting(Descriptor::digest).isEqualTo(layerDigests(original));
    assertThat(copied.config().digest()).isEqualTo(original.config().digest());
    assertThat(pulled.manifest().digest()).isEqualTo(original.digest());
  }

  @Test
  void aDockerListPulledWithAllPlatformsIsAnIndexSkopeoResolvesPerPlatform(@TempDir Path out)
      throws Exception {
    ImageIndex list = (ImageIndex) client.manifest(repo + ":list");
    assertThat(list.mediaType()).isEqualTo(MediaType.DOCKER_MANIFEST_LIST);
    Digest armDigest = list.manifestsMatching(Platform.parse("linux/arm64")).get(0).digest();
    ImageManifest arm = (ImageManifest) client.manifest(repo + "@" + armDigest);

    client.pull(repo + ":list").allPlatforms().into(OciLayout.at(out)).execute();

    JsonNode raw = JSON.readTree(Images.skopeo("inspect", "--raw", "oci:" + out + ":list"));
    assertThat(raw.get("mediaType").asText()).isEqualTo(MediaType.OCI_INDEX.toString());
    assertThat(texts(raw.get("manifests"), "mediaType"))
        .containsOnly(MediaType.OCI_MANIFEST.toString());
    JsonNode armInspect =
        JSON.readTree(Images.skopeo("--override-arch", "arm64", "inspect", "oci:" + out + ":list"));
    // umoci's configs say amd64 for both; the layers tell which entry skopeo picked
    assertThat(texts(armInspect.get("Layers")))
        .containsExactlyElementsOf(layerDigests(arm).stream().map(Digest::toString).toList());
  }

  private static List<Digest> layerDigests(ImageManifest manifest) {
    return manifest.layers().stream().map(Descriptor::digest).toList();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }
}
