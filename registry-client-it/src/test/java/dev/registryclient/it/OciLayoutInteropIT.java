package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.oci.layout.LayoutDescriptor;
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
  static SdkSteps sdk;

  @BeforeAll
  static void pushWithSkopeo() {
    registry = DistributionRegistry.builder().start();
    sdk = SdkSteps.anonymous(registry.url());
    Path layout = Images.helloLayout(tmp, "v1", "written by umoci, pulled by the SDK\n");
    Images.push(layout, "v1", registry.hostAndPort() + "/it/layout:oci", "--format", "oci");
  }

  @AfterAll
  static void stop() {
    if (sdk != null) {
      sdk.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void skopeoInspectsWhatTheSdkPulled(@TempDir Path out) {
    LayoutDescriptor pulled = sdk.pullInto("it/layout", "oci", OciLayout.at(out));
    String inspect = Images.skopeo("inspect", "oci:" + out + ":oci");
    assertThat(inspect).contains("\"Digest\": \"" + pulled.digest() + "\"");
    assertThat(Digest.sha256(Images.rawManifest("oci:" + out + ":oci"))).isEqualTo(pulled.digest());
  }

  // only OCI manifests: skopeo 1.9's oci: transport ignores index.json entries whose media type
  // is Docker's ("no descriptor found for reference"), so a Docker v2s2 image stored as served
  // is invisible to it
  @Test
  void skopeoCopiesTheSdksLayoutBackToTheRegistryUnchanged(@TempDir Path out) {
    LayoutDescriptor pulled = sdk.pullInto("it/layout", "oci", OciLayout.at(out));
    Images.skopeo(
        "copy",
        "--dest-tls-verify=false",
        "oci:" + out + ":oci",
        "docker://" + registry.hostAndPort() + "/it/copied:oci");
    assertThat(sdk.manifest("it/copied", "oci").digest()).isEqualTo(pulled.digest());
  }

  @Test
  void umociUnpacksTheSdksLayoutWithTheFileContent(@TempDir Path out) throws Exception {
    sdk.pullInto("it/layout", "oci", OciLayout.at(out.resolve("layout")));
    Path bundle = out.resolve("bundle");
    Images.umoci(
        "unpack", "--rootless", "--image", out.resolve("layout") + ":oci", bundle.toString());
    assertThat(Files.readString(bundle.resolve("rootfs/hello.txt")))
        .isEqualTo("written by umoci, pulled by the SDK\n");
  }
}
