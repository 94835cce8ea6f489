package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostsCommandTest {

  @Test
  void listsRegistryAuthAndCdnHostsAndChecksThem() {
    try (TestRegistry registry =
        TestRegistry.builder()
            .tokenAuth("alice", "pw")
            .publicRepository("library/*")
            .cdnRedirects(Duration.ofMinutes(5))
            .start()) {
      PushedImage image = registry.image("library/app").layer(4096).layer(8192).push("1");
      URI cdn = registry.cdnUrl().orElseThrow();
      String cdnHost = cdn.getHost() + ":" + cdn.getPort();

      CliRun run = CliRun.of("hosts", image.reference());

      assertThat(run.exit()).as(run.toString()).isZero();
      assertThat(run.out().lines())
          .containsExactly(
              registry.hostAndPort() + " registry,auth ok (tcp)",
              cdnHost + " blob-redirect ok (tcp)");
      assertThat(registry.journal().cdn()).allMatch(r -> r.method().equals("GET"));
      assertThat(registry.journal().cdn()).noneMatch(RecordedRequest::hasAuthorization);
    }
  }

  @Test
  void registryWithoutRedirectsIsTheOnlyHost() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedImage image = registry.image("team/app").layer(10).push("1");

      CliRun run = CliRun.of("hosts", image.reference());

      assertThat(run.exit()).as(run.toString()).isZero();
      assertThat(run.out()).isEqualTo(registry.hostAndPort() + " registry ok (tcp)\n");
    }
  }

  @Test
  void unreachableRegistryIsListedAsFailedWithExitOne() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CliRun run = CliRun.of("hosts", "127.0.0.1:" + port + "/team/app:1");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).startsWith("127.0.0.1:" + port + " registry FAILED");
    assertThat(run.err()).contains("127.0.0.1:" + port);
  }
}
