package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.testkit.TestRegistry;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debian's docker-registry without TLS, under a name that is not loopback by its spelling ({@code
 * mirror.insecure.test}, which the test hosts file maps to 127.0.0.1), so the CLI asks it over
 * https by default. docker-registry answers a ClientHello with an HTTP 400: the command fails at
 * once (the answer would be the same on every retry), says the server answered in plain http and
 * points to {@code --plain-http}, which reaches it.
 */
class PlainHttpRegistryIT {
  private static TestRegistry source;
  private static DistributionRegistry registry;

  @BeforeAll
  static void start() {
    source = TestRegistry.builder().start();
    source.image("team/app").layer(64).push("1.0");
    registry = DistributionRegistry.builder().start();
  }

  @AfterAll
  static void stop() {
    source.close();
    registry.close();
  }

  private static String app() {
    return "mirror.insecure.test:" + registry.port() + "/team/app";
  }

  @Test
  void httpsToThePlainHttpRegistryFailsOnceNamingTheFix() {
    CliRun run = CliRun.of("tags", app(), "--no-mirrors");

    assertThat(run.exit()).as(run.toString()).isEqualTo(Main.FAILED);
    assertThat(run.err())
        .contains("mirror.insecure.test:" + registry.port())
        .contains("answered in plain http")
        .contains("--plain-http")
        .doesNotContain("gave up after", "--insecure");
  }

  @Test
  void plainHttpReachesIt() {
    CliRun copy =
        CliRun.of("copy", source.hostAndPort() + "/team/app:1.0", app() + ":1.0", "--plain-http");
    assertThat(copy.exit()).as(copy.toString()).isZero();

    CliRun tags = CliRun.of("tags", app(), "--plain-http", "--no-mirrors");

    assertThat(tags.exit()).as(tags.toString()).isZero();
    assertThat(tags.out()).isEqualTo("1.0\n");
  }
}
