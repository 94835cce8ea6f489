package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.TestRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync SRC-REPO DST-REPO}: the tags of a repository mirrored, idempotently. */
class SyncCommandTest {
  private static TestRegistry source;
  private static TestRegistry target;
  private static TestRegistry guardedSource;
  private static TestRegistry guardedTarget;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    source = TestRegistry.builder().start();
    target =
        TestRegistry.builder()
            .faults(Fault.status(400).on("/v2/broken/ubi/manifests/9.5$").method("PUT").always())
            .start();
    guardedSource = GuardedRegistry.start("reader:r-secret", "*", "pull");
    guardedTarget = GuardedRegistry.start("mirror:m-secret", "ocp/*", "pull", "push");
    for (TestRegistry r : List.of(source, guardedSource)) {
      r.image("ubi9/ubi").layer(3000).push("9.4");
      r.image("ubi9/ubi").layer(4000).push("9.5");
      r.image("ubi9/ubi").layer(5000).push("latest");
    }
  }

  @AfterAll
  static void stop() {
    for (TestRegistry r : List.of(source, target, guardedSource, guardedTarget)) {
      r.close();
    }
  }

  @Test
  void syncsTheMatchingTagsAndASecondRunFindsThemPresent() {
    String src = source.hostAndPort() + "/ubi9/ubi";
    String dst = target.hostAndPort() + "/mirror/ubi";

    CliRun first = CliRun.of("sync", src, dst, "--tags", "9\\..*");
    CliRun second = CliRun.of("sync", src, dst, "--tags", "9\\..*");

    assertThat(first.exit()).as(first.toString()).isZero();
    assertThat(first.lastLine())
        .isEqualTo("Synced 2 images: 2 copied, 0 already present, 0 failed");
    assertThat(first.err().lines().filter(l -> l.startsWith("Copied " + src + ":9.")))
        .hasSize(2)
        .allMatch(l -> l.contains(" -> " + dst + ":9.") && l.contains("2 blobs: 2 uploaded"));
    assertThat(second.exit()).as(second.toString()).isZero();
    assertThat(second.lastLine())
        .isEqualTo("Synced 2 images: 0 copied, 2 already present, 0 failed");
    assertThat(second.err().lines().toList())
        .containsExactlyInAnyOrder(
            "Already present " + src + ":9.4 -> " + dst + ":9.4",
            "Already present " + src + ":9.5 -> " + dst + ":9.5");
  }

  @Test
  void aFailedImageIsReportedTheOthersAreCopiedAndTheExitCodeIsOne() {
    String src = source.hostAndPort() + "/ubi9/ubi";
    String dst = target.hostAndPort() + "/broken/ubi";

    CliRun run = CliRun.of("sync", src, dst, "--tags", "9\\..*", "--quiet");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("Synced 2 images: 1 copied, 0 already present, 1 failed\n");
    // --quiet keeps the failures
    assertThat(run.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("FAILED " + src + ":9.5 -> " + dst + ":9.5: ")
        .contains("400");
  }

  @Test
  void everyTagWithoutTags() {
    CliRun run =
        CliRun.of(
            "sync",
            source.hostAndPort() + "/ubi9/ubi",
            target.hostAndPort() + "/every/ubi",
            "--all",
            "--quiet");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("Synced 3 images: 3 copied, 0 already present, 0 failed\n");
  }

  @Test
  void srcUserDestUserAndAuthfileReachTokenAuthRegistries() throws Exception {
    String src = guardedSource.hostAndPort() + "/ubi9/ubi";
    Path authfile =
        AuthFile.write(
            dir.resolve("auth.json"), Map.of(guardedTarget.hostAndPort(), "mirror:m-secret"));

    CliRun users =
        CliRun.of(
            "sync",
            src,
            guardedTarget.hostAndPort() + "/ocp/users",
            "--tags",
            "9\\.4",
            "--src-user",
            "reader:r-secret",
            "--dest-user",
            "mirror:m-secret");
    CliRun withAuthfile =
        CliRun.of(
            "sync",
            src,
            guardedTarget.hostAndPort() + "/ocp/authfile",
            "--tags",
            "9\\.4",
            "--src-user",
            "reader:r-secret",
            "--authfile",
            authfile.toString());

    assertThat(users.exit()).as(users.toString()).isZero();
    assertThat(users.lastLine())
        .isEqualTo("Synced 1 images: 1 copied, 0 already present, 0 failed");
    assertThat(withAuthfile.exit()).as(withAuthfile.toString()).isZero();
    assertThat(withAuthfile.lastLine())
        .isEqualTo("Synced 1 images: 1 copied, 0 already present, 0 failed");
    assertThat(users.out() + users.err() + withAuthfile.out() + withAuthfile.err())
        .doesNotContain("r-secret", "m-secret");
  }

  @Test
  void anUnlistableSourceFailsWithOneLine() {
    CliRun run =
        CliRun.of(
            "sync",
            guardedSource.hostAndPort() + "/ubi9/ubi",
            guardedTarget.hostAndPort() + "/ocp/none",
            "--dest-user",
            "mirror:m-secret");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("error: tags failed").contains("--src-user USER:PASS");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aRepositoryWithATagIsAUsageError() {
    CliRun run =
        CliRun.of(
            "sync", source.hostAndPort() + "/ubi9/ubi:9.4", target.hostAndPort() + "/mirror/ubi");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("SRC-REPO", "without tag");
  }

  @Test
  void aBadRegexIsAUsageError() {
    CliRun run =
        CliRun.of(
            "sync",
            source.hostAndPort() + "/ubi9/ubi",
            target.hostAndPort() + "/mirror/ubi",
            "--tags",
            "9.(");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--tags");
  }
}
