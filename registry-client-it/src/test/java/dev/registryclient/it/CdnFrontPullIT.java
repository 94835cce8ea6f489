package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.client.RegistryClient;
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
        RegistryClient client = RegistryClient.builder().build()) {
      Path layout = Images.helloLayout(tmp, "v1", "served by the cdn\n");
      Images.push(layout, "v1", registry.hostAndPort() + "/it/cdn:v1", "--format", "oci");

      Path out = tmp.resolve("out");
      PullResult result =
          client.pull(front.hostAndPort() + "/it/cdn:v1").into(OciLayout.at(out)).execute();

      assertThat(front.journal().cdn())
          .extracting(RecordedRequest::path)
          .containsExactlyInAnyOrderElementsOf(
              result.blobs().stream().map(b -> "/it/cdn/blobs/" + b.digest()).toList());
      assertThat(front.journal().cdn())
          .allMatch(r -> r.status() == 200)
          .noneMatch(RecordedRequest::hasAuthorization);
      assertThat(result.blobs())
          .isNotEmpty()
          .allMatch(PulledBlob::downloaded)
          .allSatisfy(b -> assertThat(b.host().orElseThrow()).contains(front.cdnUrl().getHost()));

      Images.umoci("unpack", "--rootless", "--image", out + ":v1", tmp.resolve("b").toString());
      assertThat(Files.readString(tmp.resolve("b/rootfs/hello.txt")))
          .isEqualTo("served by the cdn\n");
    }
  }
}
