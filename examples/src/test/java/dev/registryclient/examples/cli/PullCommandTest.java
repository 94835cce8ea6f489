package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.PushedIndex;
import dev.registryclient.testkit.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PullCommandTest {
  private static TestRegistry registry;
  private static PushedImage image;
  private static PushedImage secret;
  private static PushedIndex index;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    registry =
        TestRegistry.builder()
            .tokenAuth("alice", "s3cret-pw")
            .publicRepository("team/*")
            .cdnRedirects(Duration.ofMinutes(5))
            .start();
    image = registry.image("team/app").layer(3000).layer(5000).push("1.0");
    secret = registry.image("private/app").layer(100).push("v1");
    index =
        registry
            .index("team/multi")
            .add(registry.image("team/multi").platform("linux", "amd64").layer(10))
            .add(registry.image("team/multi").platform("linux", "arm64").layer(20))
            .push("2.0");
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void pullsIntoTheLayoutAndEndsWithTheSummaryLine() throws Exception {
    Path layout = dir.resolve("out");

    CliRun run = CliRun.of("pull", image.reference(), "--layout", layout.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(lines.size() - 1))
        .matches(
            "Pulled \\Q"
                + image.reference()
                + "\\E \\Q"
                + image.digest()
                + "\\E \\(3 blobs, \\d+\\.\\d MB in \\d+\\.\\d s\\)");
    // a Docker image is tagged in its OCI form; the manifest as pulled stays among the blobs
    assertThat(Files.readString(layout.resolve("index.json")))
        .contains("\"org.opencontainers.image.ref.name\"", "\"1.0\"")
        .contains("application/vnd.oci.image.manifest.v1+json");
    assertThat(layout.resolve("blobs/sha256/" + image.digest().hex())).exists();
    assertThat(Files.readString(layout.resolve("oci-layout"))).contains("imageLayoutVersion");
    for (PushedBlob layer : image.layers()) {
      assertThat(layout.resolve("blobs/sha256/" + layer.digest().hex())).exists();
    }
  }

  @Test
  void printsOnePlainLinePerBlobWhenNotOnATerminal() {
    CliRun run = CliRun.of("pull", image.reference(), "--layout", dir.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.err().lines().filter(l -> l.contains("verified"))).hasSize(3);
    assertThat(run.err()).doesNotContain("\r");
  }

  @Test
  void verifyDiffIdsChecksRealGzipLayersAndSaysSo() {
    byte[] tar = "a layer's tar bytes, repeated ".repeat(500).getBytes(StandardCharsets.UTF_8);
    PushedImage real =
        registry
            .image("team/real")
            .oci()
            .layer(gzip(tar))
            .config(
                ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
                        + "\"diff_ids\":[\""
                        + Digest.sha256(tar)
                        + "\"]}}")
                    .getBytes(StandardCharsets.UTF_8))
            .push("1.0");

    CliRun run =
        CliRun.of("pull", real.reference(), "--layout", dir.toString(), "--verify-diff-ids");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("diff_ids: 1 of 1 layers verified");
  }

  @Test
  void verifyDiffIdsFailsOnALayerThatIsNotWhatItsConfigSays() {
    // the test kit's random layers are labelled gzip but are not gzip
    CliRun run =
        CliRun.of("pull", image.reference(), "--layout", dir.toString(), "--verify-diff-ids");

    assertThat(run.exit()).as(run.toString()).isNotZero();
    assertThat(run.err()).contains("cannot be decompressed", "pulling again will not help");
    // both layers are bad; whichever finishes first is named
    assertThat(image.layers()).anyMatch(l -> run.err().contains("layer " + l.digest()));
    assertThat(dev.registryclient.oci.layout.OciLayout.at(dir).reader().manifests()).isEmpty();
  }

  private static byte[] gzip(byte[] content) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
      gz.write(content);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Test
  void quietPrintsOnlyTheSummary() {
    CliRun run = CliRun.of("pull", image.reference(), "--layout", dir.toString(), "--quiet");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out().lines()).hasSize(1);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void platformChoosesTheImageOfAnIndex() {
    CliRun run =
        CliRun.of(
            "pull", index.reference(), "--layout", dir.toString(), "--platform", "linux/arm64");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains(index.image("linux", "arm64").digest().toString());
  }

  @Test
  void platformAllPullsTheWholeIndex() {
    CliRun run =
        CliRun.of(
            "pull",
            index.reference(),
            "--layout",
            dir.toString(),
            "--platform",
            "all",
            "--parallel",
            "1");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains(index.digest().toString());
  }

  @Test
  void privateRepositoryWithoutCredentialsFailsWithOneLine() {
    CliRun run = CliRun.of("pull", secret.reference(), "--layout", dir.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .contains("failed on " + registry.hostAndPort(), "--user")
        .contains(
            "credentials required: no credentials are configured for " + registry.hostAndPort())
        .contains("pull access to private/app")
        .contains("`podman login " + registry.hostAndPort() + "`");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void userFlagPullsThePrivateRepository() {
    CliRun run =
        CliRun.of(
            "pull", secret.reference(), "--layout", dir.toString(), "--user", "alice:s3cret-pw");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains(secret.digest().toString());
    assertThat(run.out() + run.err()).doesNotContain("s3cret-pw");
  }

  @Test
  void missingLayoutIsAUsageError() {
    assertThat(CliRun.of("pull", image.reference()).exit()).isEqualTo(2);
  }

  @Test
  void parallelOutOfRangeIsAUsageError() {
    CliRun run =
        CliRun.of("pull", image.reference(), "--layout", dir.toString(), "--parallel", "0");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--parallel");
  }

  @Test
  void malformedReferenceIsAUsageError() {
    CliRun run = CliRun.of("pull", "UPPER/Case::x", "--layout", dir.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("REF");
  }
}
