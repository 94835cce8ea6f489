package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An OCI layout the SDK wrote is one skopeo and umoci read, copy and unpack. */
class OciLayoutInteropIT {
  @TempDir static Path tmp;
  static DistributionRegistry registry;
  static RegistryClient client;
  static String image;

  @BeforeAll
  static void pushWithSkopeo() {
    registry = DistributionRegistry.builder().start();
    client = RegistryClient.builder().build();
    Path layout = Images.helloLayout(tmp, "v1", "written by umoci, pulled by the SDK\n");
    image = registry.hostAndPort() + "/it/layout:oci";
    Images.push(layout, "v1", image, "--format", "oci");
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
  void skopeoInspectsWhatTheSdkPulled(@TempDir Path out) {
    PullResult pulled = client.pull(image).into(OciLayout.at(out)).execute();
    String inspect = Images.skopeo("inspect", "oci:" + out + ":oci");
    assertThat(inspect).contains("\"Digest\": \"" + pulled.manifest().digest() + "\"");
    assertThat(Digest.sha256(Images.rawManifest("oci:" + out + ":oci")))
        .isEqualTo(pulled.manifest().digest());
  }

  // the digest survives the round trip because the image is OCI already; a Docker v2s2 image is
  // recorded in its OCI form (see DockerImageLayoutIT), so its copy gets a new manifest digest
  @Test
  void skopeoCopiesTheSdksLayoutBackToTheRegistryUnchanged(@TempDir Path out) {
    PullResult pulled = client.pull(image).into(OciLayout.at(out)).execute();
    Images.skopeo(
        "copy",
        "--dest-tls-verify=false",
        "oci:" + out + ":oci",
        "docker://" + registry.hostAndPort() + "/it/copied:oci");
    assertThat(client.manifest(registry.hostAndPort() + "/it/copied:oci").digest())
        .isEqualTo(pulled.manifest().digest());
  }

  @Test
  void umociUnpacksTheSdksLayoutWithTheFileContent(@TempDir Path out) throws Exception {
    client.pull(image).into(OciLayout.at(out.resolve("layout"))).execute();
    Path bundle = out.resolve("bundle");
    Images.umoci(
        "unpack", "--rootless", "--image", out.resolve("layout") + ":oci", bundle.toString());
    assertThat(Files.readString(bundle.resolve("rootfs/hello.txt")))
        .isEqualTo("written by umoci, pulled by the SDK\n");
  }
}
