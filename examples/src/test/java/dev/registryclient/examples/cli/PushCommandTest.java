package dev.registryclient.examples.cli;

import static dev.registryclient.examples.cli.RegistryLookup.digestAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.oci.layout.OciLayoutReader;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.PushedIndex;
import dev.registryclient.testkit.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code push DIR[:TAG] REF}: an image of an OCI layout (written by {@code pull}) to a registry.
 */
class PushCommandTest {
  private static TestRegistry source;
  private static TestRegistry target;
  private static TestRegistry guarded;
  private static PushedImage image;
  private static PushedImage other;
  private static PushedIndex index;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    source = TestRegistry.builder().start();
    target = TestRegistry.builder().start();
    guarded = TestRegistry.builder().tokenAuth("pusher", "p-secret").start();
    image = source.image("team/app").oci().layer(3000).layer(5000).push("1.0");
    other = source.image("team/app").oci().layer(700).push("2.0");
    index =
        source
            .index("team/multi")
            .oci()
            .add(source.image("team/multi").oci().platform("linux", "amd64").layer(10))
            .add(source.image("team/multi").oci().platform("linux", "arm64").layer(20))
            .push("3.0");
  }

  @AfterAll
  static void stop() {
    for (TestRegistry r : List.of(source, target, guarded)) {
      r.close();
    }
  }

  /** A layout that {@code pull} wrote, holding {@code references} (all platforms). */
  private Path layout(String name, String... references) {
    Path layout = dir.resolve(name);
    for (String reference : references) {
      CliRun pull =
          CliRun.of(
              "pull", reference, "--layout", layout.toString(), "--platform", "all", "--quiet");
      assertThat(pull.exit()).as(pull.toString()).isZero();
    }
    return layout;
  }

  @Test
  void pushesTheOnlyImageOfALayoutAndEndsWithTheSummaryLine() {
    Path layout = layout("one", image.reference());
    String dst = target.hostAndPort() + "/pushed/app:1.0";

    CliRun run = CliRun.of("push", layout.toString(), dst);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.lastLine())
        .matches(
            CopySummary.pattern(
                layout.toString(),
                image.digest(),
                dst,
                "3 blobs: 3 uploaded, 0 mounted, 0 skipped"));
    assertThat(digestAt(dst)).isEqualTo(image.digest());
    assertThat(run.err().lines().filter(l -> l.endsWith(" uploaded"))).hasSize(3);
  }

  @Test
  void aDockerImageIsPushedInTheOciFormTheLayoutHolds() {
    PushedImage docker = source.image("team/docker").layer(900).push("1");
    Path layout = layout("docker", docker.reference());
    Digest inLayout = OciLayoutReader.open(layout).resolve("1").orElseThrow().digest();
    String dst = target.hostAndPort() + "/pushed/docker:1";

    CliRun run = CliRun.of("push", layout + ":1", dst);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.lastLine()).startsWith("Copied " + layout + ":1 " + inLayout + " -> " + dst);
    assertThat(digestAt(dst)).isEqualTo(inLayout);
  }

  @Test
  void theTagChoosesAmongSeveralImages() {
    Path layout = layout("two", image.reference(), other.reference());
    String dst = target.hostAndPort() + "/pushed/app:2.0";

    CliRun run = CliRun.of("push", layout + ":2.0", dst, "--quiet");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .matches(
            CopySummary.pattern(
                    layout + ":2.0",
                    other.digest(),
                    dst,
                    "2 blobs: 2 uploaded, 0 mounted, 0 skipped")
                + "\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void withoutATagALayoutOfSeveralImagesIsAUsageErrorNamingTheTags() {
    Path layout = layout("several", image.reference(), other.reference());

    CliRun run = CliRun.of("push", layout.toString(), target.hostAndPort() + "/pushed/x:1");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("DIR:TAG", "tags: 1.0, 2.0");
    assertThat(target.journal().registry()).noneMatch(r -> r.path().contains("/pushed/x/"));
  }

  @Test
  void aTagTheLayoutLacksIsAUsageErrorNamingTheTags() {
    Path layout = layout("lacks", image.reference());

    CliRun run = CliRun.of("push", layout + ":9.9", target.hostAndPort() + "/pushed/x:1");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("no image tagged 9.9", "tags: 1.0");
  }

  @Test
  void aDirectoryThatIsNoLayoutIsAUsageErrorAndStaysUntouched() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("empty"));

    CliRun run = CliRun.of("push", empty.toString(), target.hostAndPort() + "/pushed/x:1");

    assertThat(run.exit()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("not an OCI image layout");
    try (var files = Files.list(empty)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void theOnlyEntryOfALayoutPulledByDigestIsPushedWithoutATag() {
    Path layout = layout("bydigest", image.digestReference());
    String dst = target.hostAndPort() + "/pushed/bydigest:1";

    CliRun run = CliRun.of("push", layout.toString(), dst, "--quiet");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(digestAt(dst)).isEqualTo(image.digest());
  }

  @Test
  void anIndexIsPushedWithEveryPlatform() {
    Path layout = layout("index", index.reference());
    String dst = target.hostAndPort() + "/pushed/multi:3.0";

    CliRun run = CliRun.of("push", layout.toString(), dst);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.lastLine())
        .matches(
            CopySummary.pattern(
                layout.toString(),
                index.digest(),
                dst,
                "4 blobs: 4 uploaded, 0 mounted, 0 skipped"));
    assertThat(digestAt(dst)).isEqualTo(index.digest());
  }

  @Test
  void platformOptionsDoNotExistForPush() {
    Path layout = layout("noplatform", image.reference());

    CliRun run =
        CliRun.of(
            "push", layout.toString(), target.hostAndPort() + "/pushed/x:1", "--platform", "all");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--platform");
  }

  @Test
  void destUserPushesToATokenAuthRegistry() {
    Path layout = layout("auth", image.reference());
    String dst = guarded.hostAndPort() + "/team/app:1.0";

    CliRun anonymous = CliRun.of("push", layout.toString(), dst);
    CliRun run = CliRun.of("push", layout.toString(), dst, "--dest-user", "pusher:p-secret");

    assertThat(anonymous.exit()).as(anonymous.toString()).isEqualTo(1);
    // progress lines, then the report as the one line of the failure
    assertThat(anonymous.err().lines().filter(l -> l.startsWith("error: "))).hasSize(1);
    assertThat(anonymous.lastErrLine())
        .startsWith("error: ")
        .contains(guarded.hostAndPort(), "--dest-user USER:PASS");
    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.lastLine()).startsWith("Copied " + layout + " " + image.digest() + " -> " + dst);
    assertThat(run.out() + run.err()).doesNotContain("p-secret");
  }

  @Test
  void aMalformedReferenceIsAUsageError() {
    Path layout = layout("badref", image.reference());

    CliRun run = CliRun.of("push", layout.toString(), "UPPER/Case::x");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("REF");
  }
}
