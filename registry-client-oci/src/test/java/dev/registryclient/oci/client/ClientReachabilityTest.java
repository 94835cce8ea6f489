package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Platform;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.client.HostCheck;
import dev.registryclient.api.client.HostRole;
import dev.registryclient.api.client.ReachabilityReport;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistrySettings;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.PushedIndex;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link RegistryClient#reachability}: the hosts a pull contacts, their roles, and whether each can
 * be connected to.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a timing assertion
class ClientReachabilityTest {

  private static RegistryClient client(TestRegistry registry) {
    return RegistryClient.builder()
        .credentials(
            registry.hostAndPort(), Credentials.usernamePassword("alice", Secret.of("pw-secret")))
        .registry(
            registry.hostAndPort(),
            RegistrySettings.defaults().withConnectTimeout(Duration.ofMillis(500)))
        .build();
  }

  private static String cdnHost(TestRegistry registry) {
    URI cdn = registry.cdnUrl().orElseThrow();
    return cdn.getHost() + ":" + cdn.getPort();
  }

  @Test
  void listsTheRegistryItsTokenServerAndTheCdnAllReachable() {
    try (TestRegistry registry =
            TestRegistry.builder()
                .tokenAuth("alice", "pw-secret")
                .cdnRedirects(Duration.ofMinutes(5))
                .start();
        RegistryClient client = client(registry)) {
      PushedImage image = registry.image("team/private").layer(4096).layer(8192).push("1.0");

      ReachabilityReport report = client.reachability(image.reference());

      assertThat(report.failure()).isEmpty();
      assertThat(report.passed()).isTrue();
      assertThat(report.hosts())
          .containsExactly(
              HostCheck.reachable(
                  registry.hostAndPort(), Set.of(HostRole.REGISTRY, HostRole.AUTH), false),
              HostCheck.reachable(cdnHost(registry), Set.of(HostRole.BLOB_REDIRECT), false));
    }
  }

  @Test
  void everyBlobIsAskedForOnceAndTheCdnNeverSeesTheCredentials() {
    try (TestRegistry registry =
            TestRegistry.builder()
                .tokenAuth("alice", "pw-secret")
                .cdnRedirects(Duration.ofMinutes(5))
                .start();
        RegistryClient client = client(registry)) {
      PushedImage image = registry.image("team/private").layer(4096).layer(8192).push("1.0");

      client.reachability(image.reference());

      assertThat(registry.journal().token()).isNotEmpty().allMatch(r -> r.status() == 200);
      List<String> cdnPaths = registry.journal().cdn().stream().map(RecordedRequest::path).toList();
      assertThat(cdnPaths).hasSize(3).doesNotHaveDuplicates();
      for (PushedBlob blob : blobsOf(image)) {
        assertThat(cdnPaths).anyMatch(p -> p.contains(blob.digest().hex()));
      }
      assertThat(registry.journal().cdn())
          .allMatch(r -> r.method().equals("GET"))
          .noneMatch(RecordedRequest::hasAuthorization);
    }
  }

  @Test
  void aTokenServerOnItsOwnPortIsListedAsAuth() {
    try (TestRegistry registry =
            TestRegistry.builder().tokenAuth("alice", "pw-secret").tokenRealmOnOwnPort().start();
        RegistryClient client = client(registry)) {
      PushedImage image = registry.image("team/private").layer(100).push("1.0");
      URI realm = registry.tokenRealm();

      ReachabilityReport report = client.reachability(image.reference());

      assertThat(report.hosts())
          .containsExactly(
              HostCheck.reachable(registry.hostAndPort(), Set.of(HostRole.REGISTRY), false),
              HostCheck.reachable(
                  realm.getHost() + ":" + realm.getPort(), Set.of(HostRole.AUTH), false));
    }
  }

  @Test
  void hostsTheClientAlreadyTalkedToAreContactedAgain() {
    try (TestRegistry registry = TestRegistry.builder().tokenAuth("alice", "pw-secret").start();
        RegistryClient client = client(registry)) {
      PushedImage image = registry.image("team/private").layer(100).push("1.0");
      client.manifest(image.reference()); // pinged, token cached
      registry.journal().clear();

      ReachabilityReport report = client.reachability(image.reference());

      assertThat(registry.journal().token()).isNotEmpty();
      assertThat(report.hosts().get(0).roles()).containsExactly(HostRole.REGISTRY, HostRole.AUTH);
    }
  }

  @Test
  void anIndexIsCheckedThroughTheImageOfThisPlatform() {
    try (TestRegistry registry = TestRegistry.builder().start();
        RegistryClient client = client(registry)) {
      PushedIndex index =
          registry
              .index("team/multi")
              .add(registry.image("team/multi").platform("linux", "amd64").layer(300))
              .add(registry.image("team/multi").platform("linux", "arm64").layer(400))
              .push("1.0");
      Platform here = Platform.current();
      PushedImage expected =
          here.os().equals("linux") && here.architecture().equals("arm64")
              ? index.image("linux", "arm64")
              : index.image("linux", "amd64"); // this JVM's platform, else the first image
      registry.journal().clear();

      ReachabilityReport report = client.reachability(index.reference());

      assertThat(report.passed()).isTrue();
      List<String> blobGets =
          registry.journal().matching("GET", "/blobs/").stream()
              .map(RecordedRequest::path)
              .toList();
      assertThat(blobGets).hasSize(2);
      for (PushedBlob blob : blobsOf(expected)) {
        assertThat(blobGets).anyMatch(p -> p.endsWith(blob.digest().toString()));
      }
    }
  }

  @Test
  void aRefusingCdnIsReportedUnreachableWithTheFailure() {
    try (TestRegistry registry =
            TestRegistry.builder()
                .cdnRedirects(Duration.ofMinutes(5))
                .faults(Fault.cdnRefused().always())
                .start();
        RegistryClient client = client(registry)) {
      PushedImage image = registry.image("team/app").layer(100).push("1.0");

      ReachabilityReport report = client.reachability(image.reference());

      assertThat(report.failure()).get().isInstanceOf(TransportException.class);
      assertThat(report.passed()).isFalse();
      assertThat(report.allReachable()).isFalse();
      assertThat(report.hosts().get(0))
          .isEqualTo(HostCheck.reachable(registry.hostAndPort(), Set.of(HostRole.REGISTRY), false));
      assertThat(report.unreachable())
          .singleElement()
          .satisfies(
              cdn -> {
                assertThat(cdn.roles()).containsExactly(HostRole.BLOB_REDIRECT);
                assertThat(cdn.problem()).get().asString().containsIgnoringCase("refused");
              });
      registry.assertFaultsFired();
    }
  }

  @Test
  void aCdnThatNeverAcceptsIsReportedUnreachableAfterTheConnectTimeout() {
    try (TestRegistry registry =
            TestRegistry.builder()
                .cdnRedirects(Duration.ofMinutes(5))
                .faults(Fault.cdnConnectTimeout().always())
                .start();
        RegistryClient client = client(registry)) {
      PushedImage image = registry.image("team/app").layer(100).push("1.0");

      ReachabilityReport report = client.reachability(image.reference());

      assertThat(report.failure()).get().isInstanceOf(TransportException.class);
      assertThat(report.unreachable())
          .singleElement()
          .satisfies(
              cdn -> {
                assertThat(cdn.roles()).containsExactly(HostRole.BLOB_REDIRECT);
                assertThat(cdn.problem()).get().asString().containsIgnoringCase("timed out");
              });
      registry.assertFaultsFired();
    }
  }

  @Test
  void anUnknownTagIsTheFailureAndTheRegistryIsStillChecked() {
    try (TestRegistry registry = TestRegistry.builder().start();
        RegistryClient client = client(registry)) {
      ReachabilityReport report = client.reachability(registry.hostAndPort() + "/team/app:nope");

      assertThat(report.failure()).get().isInstanceOf(NotFoundException.class);
      assertThat(report.allReachable()).isTrue();
      assertThat(report.passed()).isFalse();
      assertThat(report.hosts())
          .extracting(HostCheck::hostAndPort)
          .contains(registry.hostAndPort());
    }
  }

  @Test
  void aRegistryNothingListensOnIsTheOnlyHostAndUnreachable() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    try (RegistryClient client = RegistryClient.builder().build()) {
      ReachabilityReport report = client.reachability("127.0.0.1:" + port + "/team/app:1");

      assertThat(report.failure()).get().isInstanceOf(TransportException.class);
      assertThat(report.hosts())
          .singleElement()
          .satisfies(
              h -> {
                assertThat(h.hostAndPort()).isEqualTo("127.0.0.1:" + port);
                assertThat(h.roles()).containsExactly(HostRole.REGISTRY);
                assertThat(h.reachable()).isFalse();
              });
    }
  }

  @Test
  void aSelfSignedRegistryFailsItsVerifiedTlsCheck() throws Exception {
    try (SelfSignedRegistry registry = SelfSignedRegistry.start();
        RegistryClient client =
            RegistryClient.builder()
                .registry(registry.hostAndPort(), RegistrySettings.defaults().withPlainHttp(false))
                .build()) {
      ReachabilityReport report = client.reachability(registry.hostAndPort() + "/app:1.0");

      assertThat(report.failure()).get().isInstanceOf(TransportException.class);
      assertThat(report.hosts())
          .singleElement()
          .satisfies(
              h -> {
                assertThat(h.hostAndPort()).isEqualTo(registry.hostAndPort());
                assertThat(h.tlsVerified()).isTrue();
                assertThat(h.reachable()).isFalse();
              });
    }
  }

  @Test
  void aRegistryWithInsecureTlsIsCheckedWithATcpConnectOnly() throws Exception {
    try (SelfSignedRegistry registry = SelfSignedRegistry.start();
        RegistryClient client =
            RegistryClient.builder()
                .registry(registry.hostAndPort(), RegistrySettings.defaults().withInsecureTls(true))
                .build()) {
      ReachabilityReport report = client.reachability(registry.hostAndPort() + "/app:1.0");

      assertThat(report.passed()).as("%s", report).isTrue();
      assertThat(report.hosts())
          .containsExactly(
              HostCheck.reachable(registry.hostAndPort(), Set.of(HostRole.REGISTRY), false));
    }
  }

  private static List<PushedBlob> blobsOf(PushedImage image) {
    List<PushedBlob> blobs = new ArrayList<>();
    blobs.add(image.config());
    blobs.addAll(image.layers());
    return blobs;
  }
}
