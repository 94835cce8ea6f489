package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.manifest.Schema1Manifest;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What skopeo pushes, the SDK reads byte for byte: digests agree with skopeo and the registry. */
class ManifestDigestsIT {
  private static final String SIGNED_SCHEMA1 =
      "application/vnd.docker.distribution.manifest.v1+prettyjws";

  @TempDir static Path tmp;
  static DistributionRegistry registry;
  static RegistryClient client;
  static String repo;

  @BeforeAll
  static void pushWithSkopeo() {
    registry = DistributionRegistry.builder().start();
    client = RegistryClient.builder().build();
    Images.helloLayout(tmp, "amd64", "amd64\n");
    Path layout = Images.helloLayout(tmp, "arm64", "arm64\n");
    Images.addIndex(layout, "multi");
    repo = registry.hostAndPort() + "/it/digests";
    Images.push(layout, "amd64", repo + ":v2s2", "--format", "v2s2");
    Images.push(layout, "amd64", repo + ":v2s1", "--format", "v2s1");
    Images.push(layout, "amd64", repo + ":oci", "--format", "oci");
    Images.push(layout, "multi", repo + ":multi", "--all");
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
  void dockerSchema2DigestMatchesSkopeoAndTheRegistry() throws Exception {
    Manifest manifest = client.manifest(repo + ":v2s2");
    assertThat(manifest).isInstanceOf(ImageManifest.class);
    assertThat(manifest.mediaType().is(MediaType.DOCKER_MANIFEST)).isTrue();
    assertThat(manifest.digest())
        .isEqualTo(skopeoDigest("v2s2"))
        .isEqualTo(registryDigest("v2s2", MediaType.DOCKER_MANIFEST));
  }

  @Test
  void ociManifestDigestMatchesSkopeoTheRegistryAndResolve() throws Exception {
    Manifest manifest = client.manifest(repo + ":oci");
    assertThat(manifest.mediaType().is(MediaType.OCI_MANIFEST)).isTrue();
    assertThat(manifest.digest())
        .isEqualTo(skopeoDigest("oci"))
        .isEqualTo(registryDigest("oci", MediaType.OCI_MANIFEST))
        .isEqualTo(client.resolve(repo + ":oci").digest());
  }

  @Test
  void signedSchema1DigestIsTheRegistrysDigestOfThePayloadNotOfTheSignedBytes() throws Exception {
    Manifest manifest = client.manifest(repo + ":v2s1");
    assertThat(manifest).isInstanceOf(Schema1Manifest.class);
    Schema1Manifest schema1 = (Schema1Manifest) manifest;
    assertThat(schema1.digest())
        .isEqualTo(registryDigest("v2s1", MediaType.parse(SIGNED_SCHEMA1)))
        .isNotEqualTo(Digest.sha256(schema1.raw()));
    assertThat(schema1.fsLayers()).isNotEmpty();
  }

  @Test
  void indexPushedWithAllKeepsItsDigestAndEachPlatformsManifest() throws Exception {
    Manifest manifest = client.manifest(repo + ":multi");
    assertThat(manifest).isInstanceOf(ImageIndex.class);
    ImageIndex index = (ImageIndex) manifest;
    assertThat(index.digest())
        .isEqualTo(skopeoDigest("multi"))
        .isEqualTo(registryDigest("multi", MediaType.OCI_INDEX));
    assertThat(index.manifests())
        .extracting(d -> d.platform().orElseThrow())
        .containsExactly(Platform.parse("linux/amd64"), Platform.parse("linux/arm64"));
    for (Descriptor child : index.manifests()) {
      Manifest image = client.manifest(repo + "@" + child.digest());
      assertThat(image.digest()).isEqualTo(child.digest());
      assertThat(image.size()).isEqualTo((int) child.size());
    }
  }

  @Test
  void pullingOnePlatformOfTheIndexStoresThatPlatformsManifest(@TempDir Path out) {
    PullResult result =
        client
            .pull(repo + ":multi")
            .platform(Platform.parse("linux/arm64"))
            .into(OciLayout.at(out))
            .execute();
    Descriptor arm = ((ImageIndex) client.manifest(repo + ":multi")).manifests().get(1);
    assertThat(result.manifest().digest()).isEqualTo(arm.digest());
    assertThat(result.platform()).hasValue(Platform.parse("linux/arm64"));
  }

  @Test
  void pullingAllPlatformsStoresTheIndexSkopeoPushed(@TempDir Path out) {
    PullResult result =
        client.pull(repo + ":multi").allPlatforms().into(OciLayout.at(out)).execute();
    assertThat(result.manifest().digest()).isEqualTo(skopeoDigest("multi"));
    assertThat(Digest.sha256(Images.rawManifest("oci:" + out + ":multi")))
        .isEqualTo(skopeoDigest("multi"));
  }

  /** The registry's {@code Docker-Content-Digest}, asked for with the JDK's own client. */
  private static Digest registryDigest(String tag, MediaType accept) throws Exception {
    HttpResponse<Void> head =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(registry.url().resolve("/v2/it/digests/manifests/" + tag))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("Accept", accept.toString())
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(head.statusCode()).isEqualTo(200);
    return Digest.parse(head.headers().firstValue("Docker-Content-Digest").orElseThrow());
  }

  private static Digest skopeoDigest(String tag) {
    return Digest.sha256(Images.rawManifest("docker://" + repo + ":" + tag));
  }
}
