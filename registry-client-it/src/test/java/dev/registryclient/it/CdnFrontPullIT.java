package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.testkit.CdnFront;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pull of real docker-registry data whose blobs come from a CDN on another host. */
class CdnFrontPullIT {

  @Test
  void theSdkPullsAcrossOriginsAndUmociUnpacksTheResult(@TempDir Path tmp) throws Exception {
    try (DistributionRegistry registry = DistributionRegistry.builder().start();
        CdnFront front = CdnFront.builder(registry.url()).start();
        SdkSteps sdk = SdkSteps.anonymous(front.url())) {
      Path layout = Images.helloLayout(tmp, "v1", "served by the cdn\n");
      Images.push(layout, "v1", registry.hostAndPort() + "/it/cdn:v1", "--format", "oci");

      Path out = tmp.resolve("out");
      sdk.pullInto("it/cdn", "v1", OciLayout.at(out));

      ImageManifest image = (ImageManifest) sdk.manifest("it/cdn", "v1");
      assertThat(front.journal().cdn())
          .extracting(RecordedRequest::path)
          .containsExactlyInAnyOrder(
              "/it/cdn/blobs/" + image.config().digest(),
              "/it/cdn/blobs/" + image.layers().get(0).digest());
      assertThat(front.journal().cdn())
          .allMatch(r -> r.status() == 200)
          .noneMatch(RecordedRequest::hasAuthorization);

      Images.umoci("unpack", "--rootless", "--image", out + ":v1", tmp.resolve("b").toString());
      assertThat(Files.readString(tmp.resolve("b/rootfs/hello.txt")))
          .isEqualTo("served by the cdn\n");
    }
  }
}
