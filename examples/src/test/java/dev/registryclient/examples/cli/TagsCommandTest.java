package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.testkit.TestRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TagsCommandTest {
  private static TestRegistry open;
  private static TestRegistry guarded;

  @BeforeAll
  static void start() {
    open = TestRegistry.builder().tagPageSize(2).start();
    for (String tag : new String[] {"1.0", "1.1", "2.0", "2.1", "latest"}) {
      open.image("team/app").layer(64).push(tag);
    }
    guarded = TestRegistry.builder().tokenAuth("alice", "s3cret-pw").start();
    guarded.image("private/app").layer(64).push("v1");
  }

  @AfterAll
  static void stop() {
    open.close();
    guarded.close();
  }

  @Test
  void printsEveryTagOfEveryPageOnePerLineAndNothingElse() {
    CliRun run = CliRun.of("tags", open.hostAndPort() + "/team/app");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("1.0\n1.1\n2.0\n2.1\nlatest\n");
    assertThat(open.journal().matching("GET", ".*/tags/list.*")).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void limitStopsAfterThatManyTags() {
    CliRun run = CliRun.of("tags", open.hostAndPort() + "/team/app", "--limit", "3");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("1.0\n1.1\n2.0\n");
  }

  @Test
  void privateRepositoryWithoutCredentialsFailsNamingHostAndPhase() {
    CliRun run = CliRun.of("tags", guarded.hostAndPort() + "/private/app");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("tags failed", guarded.hostAndPort(), "--user");
    assertThat(run.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void userFlagAuthenticatesAndThePasswordNeverShows() {
    CliRun ok =
        CliRun.of("tags", guarded.hostAndPort() + "/private/app", "--user", "alice:s3cret-pw");
    CliRun wrong =
        CliRun.of(
            "tags",
            guarded.hostAndPort() + "/private/app",
            "--user",
            "alice:wrong-pw",
            "--verbose");

    assertThat(ok.exit()).as(ok.toString()).isZero();
    assertThat(ok.out()).isEqualTo("v1\n");
    assertThat(wrong.exit()).as(wrong.toString()).isEqualTo(1);
    assertThat(wrong.err()).doesNotContain("wrong-pw", "s3cret-pw");
  }

  @Test
  void authfileGivesTheCredentials(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path authfile = dir.resolve("auth.json");
    String auth =
        java.util.Base64.getEncoder()
            .encodeToString("alice:s3cret-pw".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    java.nio.file.Files.writeString(
        authfile, "{\"auths\":{\"" + guarded.hostAndPort() + "\":{\"auth\":\"" + auth + "\"}}}");

    CliRun run =
        CliRun.of(
            "tags", guarded.hostAndPort() + "/private/app", "--authfile", authfile.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("v1\n");
  }

  @Test
  void malformedUserValueIsAUsageErrorThatDoesNotEchoIt() {
    CliRun run = CliRun.of("tags", open.hostAndPort() + "/team/app", "--user", "no-colon-secret");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("USER:PASS").doesNotContain("no-colon-secret");
  }

  @Test
  void missingAuthfileIsAUsageError() {
    CliRun run =
        CliRun.of("tags", open.hostAndPort() + "/team/app", "--authfile", "/nonexistent/auth.json");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--authfile");
  }

  @Test
  void unreachableRegistryFailsNamingTheHost() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    CliRun run = CliRun.of("tags", "127.0.0.1:" + port + "/team/app");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("127.0.0.1:" + port, "reachable");
    assertThat(run.err().lines()).hasSize(1);
  }
}
