package dev.registryclient.examples.cli;

import static dev.registryclient.examples.cli.RegistryLookup.digestAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.PushedIndex;
import dev.registryclient.testkit.TestRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code copy SRC-REF DST-REF}: between two registries, within one, platforms, credentials. */
class CopyCommandTest {
  private static TestRegistry source;
  private static TestRegistry target;
  private static TestRegistry guardedSource;
  private static TestRegistry guardedTarget;
  private static PushedImage image;
  private static PushedIndex index;
  private static PushedImage guarded;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    source = TestRegistry.builder().start();
    target = TestRegistry.builder().start();
    guardedSource = GuardedRegistry.start("reader:r-secret", "*", "pull");
    guardedTarget = GuardedRegistry.start("mirror:m-secret", "ocp/*", "pull", "push");
    image = source.image("team/app").layer(3000).layer(5000).push("1.0");
    index =
        source
            .index("team/multi")
            .add(source.image("team/multi").platform("linux", "amd64").layer(10))
            .add(source.image("team/multi").platform("linux", "arm64").layer(20))
            .add(source.image("team/multi").platform("linux", "s390x").layer(30))
            .push("2.0");
    guarded = guardedSource.image("ubi9/ubi").layer(4000).push("9.4");
  }

  @AfterAll
  static void stop() {
    for (TestRegistry r : List.of(source, target, guardedSource, guardedTarget)) {
      r.close();
    }
  }

  @Test
  void copiesAnImageToAnotherRegistryAndEndsWithTheSummaryLine() {
    String dst = target.hostAndPort() + "/mirror/app:1.0";

    CliRun run = CliRun.of("copy", image.reference(), dst);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.lastLine())
        .matches(
            CopySummary.pattern(
                image.reference(),
                image.digest(),
                dst,
                "3 blobs: 3 uploaded, 0 mounted, 0 skipped"));
    assertThat(digestAt(dst)).isEqualTo(image.digest());
    // not a terminal: one plain line per blob, no bar
    assertThat(run.err().lines().filter(l -> l.endsWith(" uploaded"))).hasSize(3);
    assertThat(run.err()).doesNotContain("\r");
  }

  @Test
  void aSecondCopySkipsWhatTheTargetHas() {
    String dst = target.hostAndPort() + "/again/app:1.0";
    assertThat(CliRun.of("copy", image.reference(), dst, "--quiet").exit()).isZero();

    CliRun again = CliRun.of("copy", image.reference(), dst, "--quiet");

    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(again.out())
        .matches(
            CopySummary.pattern(
                    image.reference(),
                    image.digest(),
                    dst,
                    "3 blobs: 0 uploaded, 0 mounted, 3 skipped")
                + "\n");
    assertThat(again.err()).isEmpty();
  }

  @Test
  void aCopyWithinOneRegistryMountsTheBlobs() {
    String dst = source.hostAndPort() + "/prod/app:1.0";

    CliRun run = CliRun.of("copy", image.reference(), dst);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.lastLine())
        .matches(
            CopySummary.pattern(
                image.reference(),
                image.digest(),
                dst,
                "3 blobs: 0 uploaded, 3 mounted, 0 skipped"));
    assertThat(run.lastLine()).contains("0.0 MB in");
  }

  @Test
  void platformCopiesThatImageUnderTheTag() {
    String dst = target.hostAndPort() + "/arm/multi:2.0";
    PushedImage arm = index.image("linux", "arm64");

    CliRun run = CliRun.of("copy", index.reference(), dst, "--platform", "linux/arm64");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.lastLine()).startsWith("Copied " + index.reference() + " " + arm.digest());
    assertThat(digestAt(dst)).isEqualTo(arm.digest());
  }

  @Test
  void allCopiesTheIndexAsItIs() {
    String dst = target.hostAndPort() + "/all/multi:2.0";

    CliRun run = CliRun.of("copy", index.reference(), dst, "--all");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.lastLine())
        .matches(
            CopySummary.pattern(
                index.reference(),
                index.digest(),
                dst,
                "6 blobs: 6 uploaded, 0 mounted, 0 skipped"));
    assertThat(run.err()).doesNotContain("new index");
  }

  @Test
  void platformAllIsAllAsForPull() {
    String dst = target.hostAndPort() + "/platformall/multi:2.0";

    CliRun run = CliRun.of("copy", index.reference(), dst, "--platform", "all", "--quiet");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(digestAt(dst)).isEqualTo(index.digest());
  }

  @Test
  void severalPlatformsAreCopiedUnderARewrittenIndexAndStderrSaysSo() {
    String dst = target.hostAndPort() + "/two/multi:2.0";

    CliRun run =
        CliRun.of(
            "copy",
            index.reference(),
            dst,
            "--platform",
            "linux/amd64",
            "--platform",
            "linux/arm64");

    assertThat(run.exit()).as(run.toString()).isZero();
    Digest written = digestAt(dst);
    assertThat(written).isNotEqualTo(index.digest());
    assertThat(run.lastLine())
        .matches(
            CopySummary.pattern(
                index.reference(), written, dst, "4 blobs: 4 uploaded, 0 mounted, 0 skipped"));
    assertThat(run.err())
        .contains("Wrote a new index holding only the platforms chosen: " + written)
        .contains("the source's index is " + index.digest());
  }

  @Test
  void allTogetherWithPlatformIsAUsageError() {
    CliRun run =
        CliRun.of(
            "copy",
            index.reference(),
            target.hostAndPort() + "/x/multi:2.0",
            "--all",
            "--platform",
            "linux/arm64");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--all or --platform");
    assertThat(target.journal().registry()).noneMatch(r -> r.path().contains("/x/multi/"));
  }

  @Test
  void aMalformedReferenceIsAUsageErrorNamingWhichOne() {
    CliRun run = CliRun.of("copy", image.reference(), "UPPER/Case::x");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("DST-REF");
  }

  @Test
  void aMissingSourceFailsWithOneLine() {
    CliRun run =
        CliRun.of("copy", source.hostAndPort() + "/team/none:1", target.hostAndPort() + "/none:1");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("error: ").contains("team/none");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void srcUserAndDestUserGiveEachRegistryItsAccount() {
    String dst = guardedTarget.hostAndPort() + "/ocp/ubi:9.4";

    CliRun run =
        CliRun.of(
            "copy",
            guarded.reference(),
            dst,
            "--src-user",
            "reader:r-secret",
            "--dest-user",
            "mirror:m-secret");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.lastLine())
        .matches(
            CopySummary.pattern(
                guarded.reference(),
                guarded.digest(),
                dst,
                "2 blobs: 2 uploaded, 0 mounted, 0 skipped"));
    assertThat(run.out() + run.err()).doesNotContain("r-secret", "m-secret");
    Credentials mirror = Credentials.usernamePassword("mirror", Secret.of("m-secret"));
    assertThat(digestAt(dst, guardedTarget.hostAndPort(), mirror)).isEqualTo(guarded.digest());
  }

  @Test
  void withoutTheSourcesAccountTheReportPointsToSrcUser() {
    CliRun run =
        CliRun.of(
            "copy",
            guarded.reference(),
            guardedTarget.hostAndPort() + "/ocp/ubi:no-src",
            "--dest-user",
            "mirror:m-secret");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .contains("failed on " + guardedSource.hostAndPort(), "--src-user USER:PASS")
        .doesNotContain("--user", "m-secret");
  }

  @Test
  void withoutTheTargetsAccountTheReportPointsToDestUser() {
    CliRun run =
        CliRun.of(
            "copy",
            guarded.reference(),
            guardedTarget.hostAndPort() + "/ocp/ubi:no-dest",
            "--src-user",
            "reader:r-secret");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    // progress lines, then the report as the one line of the failure
    assertThat(run.err().lines().filter(l -> l.startsWith("error: "))).hasSize(1);
    assertThat(run.lastErrLine())
        .startsWith("error: ")
        .contains(guardedTarget.hostAndPort(), "--dest-user USER:PASS");
    assertThat(run.err()).doesNotContain("r-secret");
  }

  @Test
  void oneAuthfileServesBothRegistriesByHost() throws Exception {
    Path authfile =
        AuthFile.write(
            dir.resolve("auth.json"),
            Map.of(
                guardedSource.hostAndPort(), "reader:r-secret",
                guardedTarget.hostAndPort(), "mirror:m-secret"));
    String dst = guardedTarget.hostAndPort() + "/ocp/ubi:authfile";

    CliRun run = CliRun.of("copy", guarded.reference(), dst, "--authfile", authfile.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.lastLine()).startsWith("Copied " + guarded.reference() + " " + guarded.digest());
  }

  @Test
  void twoAccountsForOneRegistryAreAUsageError() {
    CliRun run =
        CliRun.of(
            "copy",
            guarded.reference(),
            guardedSource.hostAndPort() + "/copy/ubi:9.4",
            "--src-user",
            "reader:r-secret",
            "--dest-user",
            "other:o-secret");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("both on " + guardedSource.hostAndPort());
    assertThat(run.err()).doesNotContain("r-secret", "o-secret");
  }

  @Test
  void aMalformedDestUserIsAUsageErrorThatDoesNotEchoIt() {
    CliRun run =
        CliRun.of(
            "copy",
            image.reference(),
            target.hostAndPort() + "/app:1",
            "--dest-user",
            "no-colon-secret");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--dest-user must be USER:PASS").doesNotContain("no-colon");
  }
}
