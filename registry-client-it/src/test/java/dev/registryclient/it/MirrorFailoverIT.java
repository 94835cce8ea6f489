package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistrySettings;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.testkit.CdnFront;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover along three mirrors of real docker-registries: the first refuses connections, the second
 * serves manifests but sends blobs to a CDN host that is a black hole, the third works. The pull
 * succeeds within its deadline and says which source served what.
 */
class MirrorFailoverIT {
  private static final String PRIMARY = "registry.redhat.io";

  @Test
  void aPullFailsOverPastARefusingMirrorAndAMirrorWhoseBlobHostIsABlackHole(@TempDir Path tmp)
      throws IOException {
    Path layout = Images.helloLayout(tmp, "ubi", "ubi\n");
    String refused = refusingPort();
    try (DistributionRegistry behindBlackHole = DistributionRegistry.builder().start();
        CdnFront blackHole = CdnFront.builder(behindBlackHole.url()).cdnConnectTimeout().start();
        DistributionRegistry working = DistributionRegistry.builder().start()) {
      for (DistributionRegistry r : List.of(behindBlackHole, working)) {
        Images.push(layout, "ubi", r.hostAndPort() + "/ubi9/ubi:9.4", "--format", "v2s2");
      }
      Path registriesConf =
          RegistriesConfFile.forRegistry(PRIMARY)
              .mirror(refused)
              .mirror(blackHole.hostAndPort())
              .mirror(working.hostAndPort())
              .writeTo(tmp);
      int loggedBefore = AccessLog.of(working).size();
      List<PullEvent> events = new CopyOnWriteArrayList<>();

      PullResult result;
      try (RegistryClient client =
          RegistryClient.builder()
              .registriesConf(registriesConf)
              // 1 s instead of 5 s per connect, so the black hole costs about 3 s, not 15 s
              .defaults(RegistrySettings.defaults().withConnectTimeout(Duration.ofSeconds(1)))
              .build()) {
        result =
            client
                .pull(PRIMARY + "/ubi9/ubi:9.4")
                .into(OciLayout.at(tmp.resolve("out")))
                .onProgress(events::add)
                .deadline(Duration.ofSeconds(60)) // the budget: the pull fails if it runs past it
                .execute();
      }

      // the manifest came from the second mirror, every blob from the third
      assertThat(result.source().toString())
          .isEqualTo("mirror " + blackHole.hostAndPort() + "/ubi9/ubi:9.4");
      assertThat(result.blobs())
          .isNotEmpty()
          .extracting(PulledBlob::source)
          .allSatisfy(
              s ->
                  assertThat(s)
                      .hasValueSatisfying(
                          source ->
                              assertThat(source.reference().registry())
                                  .isEqualTo(working.hostAndPort())));
      List<String> failed =
          events.stream()
              .filter(PullEvent.SourceFailed.class::isInstance)
              .map(e -> ((PullEvent.SourceFailed) e).source())
              .toList();
      assertThat(failed).contains("mirror " + refused + "/ubi9/ubi:9.4");
      // once the black hole failed a blob, the blobs after it went to the third mirror first
      // (those already in flight then may have tried it too)
      assertThat(failed)
          .filteredOn(s -> s.startsWith("mirror " + blackHole.hostAndPort()))
          .hasSizeBetween(1, result.blobs().size());
      assertThat(blackHole.journal().cdn()).as("the black hole never answered").isEmpty();
      assertThat(AccessLog.since(working, loggedBefore))
          .filteredOn(e -> e.method().equals("GET") && e.target().contains("/blobs/"))
          .hasSize(result.blobs().size());
    }
  }

  /** A loopback port nothing listens on: connections are refused. */
  private static String refusingPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "127.0.0.1:" + socket.getLocalPort();
    }
  }
}
