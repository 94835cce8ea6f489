package dev.registryclient.examples.cli;

import static dev.registryclient.examples.cli.RegistryLookup.digestAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands reading images through mirrors from a {@code registries.conf}: which source serves, what
 * is reported, and that copy and sync write the target as named. The registry mirrored, {@code
 * registry.redhat.io}, does not resolve here (tests resolve names from a loopback-only hosts file),
 * so asking it fails at once without leaving the machine.
 */
class MirroredCommandsTest {
  private static final String PRIMARY = "registry.redhat.io";

  private static TestRegistry mirror;
  private static TestRegistry target;
  private static PushedImage image;
  private static String deadMirror;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws IOException {
    mirror = TestRegistry.builder().start();
    target = TestRegistry.builder().start();
    image = mirror.image("ubi9/ubi").layer(3000).layer(5000).push("9.4");
    try (ServerSocket closed = new ServerSocket(0)) {
      deadMirror = "127.0.0.1:" + closed.getLocalPort(); // nothing listens there once closed
    }
  }

  @AfterAll
  static void stop() {
    mirror.close();
    target.close();
  }

  private static String byTag() {
    return PRIMARY + "/ubi9/ubi:9.4";
  }

  private static String byDigest() {
    return PRIMARY + "/ubi9/ubi@" + image.digest();
  }

  /** A registries.conf with these mirrors of registry.redhat.io, in this order. */
  private Path registriesConf(String... mirrorTables) throws IOException {
    StringBuilder toml = new StringBuilder("[[registry]]\nlocation = \"" + PRIMARY + "\"\n");
    for (String table : mirrorTables) {
      toml.append("[[registry.mirror]]\n").append(table).append('\n');
    }
    return Files.writeString(Files.createTempFile(dir, "registries", ".conf"), toml);
  }

  private static String at(String location) {
    return "location = \"" + location + "\"";
  }

  private static String digestOnly(String location) {
    return at(location) + "\npull-from-mirror = \"digest-only\"";
  }

  /** {@code pull REFERENCE} into a layout, reading mirrors from {@code conf} only. */
  private CliRun pull(String reference, Path conf, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "pull",
                reference,
                "--layout",
                dir.resolve("out").toString(),
                "--registries-conf",
                conf.toString()));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void aPullByDigestIsServedByADigestOnlyMirrorWithoutAWarning() throws IOException {
    Path conf = registriesConf(digestOnly(mirror.hostAndPort()));

    CliRun run = pull(byDigest(), conf);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Pulled " + byDigest() + " " + image.digest());
    assertThat(run.err()).doesNotContain("warning").doesNotContain("failed");
    assertThat(run.err().lines())
        .filteredOn(l -> l.contains(" verified, from "))
        .hasSize(3)
        .allSatisfy(l -> assertThat(l).endsWith(" from " + mirror.hostAndPort()));
  }

  @Test
  void verboseSaysWhichSourceServedTheManifestAndEachBlob() throws IOException {
    Path conf = registriesConf(at(mirror.hostAndPort()));

    CliRun run = pull(byTag(), conf, "--verbose");

    assertThat(run.exit()).as(run.toString()).isZero();
    String there = mirror.hostAndPort() + "/ubi9/ubi";
    assertThat(run.err().lines())
        .contains("manifest from mirror " + there + ":9.4")
        .contains(image.layers().get(0).digest().shortForm() + " from mirror " + there)
        .contains(image.layers().get(1).digest().shortForm() + " from mirror " + there);
  }

  @Test
  void aPullByTagPastADigestOnlyMirrorFailsNamingTheRegistryAndTheSkippedMirror()
      throws IOException {
    Path conf = registriesConf(digestOnly(mirror.hostAndPort()));
    int requestsBefore = mirror.journal().registry().size();

    CliRun run = pull(byTag(), conf);

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("error: ")
        .contains(PRIMARY + "/ubi9/ubi:9.4: ")
        .contains("not tried: mirror " + mirror.hostAndPort() + "/ubi9/ubi:9.4")
        .contains("digest only")
        .contains("pull REF@sha256:");
    assertThat(mirror.journal().registry()).hasSize(requestsBefore);
  }

  @Test
  void aRefusingMirrorIsAWarningEvenWithQuietWhenTheNextServes() throws IOException {
    Path conf = registriesConf(at(deadMirror), at(mirror.hostAndPort()));

    CliRun run = pull(byTag(), conf, "--quiet");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith(
            "warning: source mirror " + deadMirror + "/ubi9/ubi:9.4 failed, another served:");
    assertThat(run.out().lines()).singleElement().asString().startsWith("Pulled " + byTag());
  }

  @Test
  void theStandardFilesAreTheDefaultAndNoMirrorsIgnoresThem() throws IOException {
    Path conf = registriesConf(at(mirror.hostAndPort()));
    StandardRegistriesConf standard = builder -> builder.registriesConf(conf);

    CliRun mirrored = CliRun.with(standard, "inspect", byTag());
    CliRun direct = CliRun.with(standard, "inspect", byTag(), "--no-mirrors");

    assertThat(mirrored.exit()).as(mirrored.toString()).isZero();
    assertThat(mirrored.out()).contains(image.digest().toString());
    assertThat(direct.exit()).as(direct.toString()).isEqualTo(1);
    assertThat(direct.err()).contains(PRIMARY).doesNotContain(mirror.hostAndPort());
  }

  @Test
  void tagsComeFromTheMirror() throws IOException {
    Path conf = registriesConf(at(mirror.hostAndPort()));

    CliRun run = CliRun.of("tags", PRIMARY + "/ubi9/ubi", "--registries-conf", conf.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("9.4\n");
  }

  @Test
  void copyReadsThroughTheMirrorsAndWritesTheTargetAsNamed() throws IOException {
    Path conf = registriesConf(at(deadMirror), at(mirror.hostAndPort()));
    String to = target.hostAndPort() + "/copied/ubi:9.4";

    CliRun run = CliRun.of("copy", byTag(), to, "--registries-conf", conf.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Copied " + byTag() + " " + image.digest() + " -> " + to);
    assertThat(run.err()).contains("warning: source mirror " + deadMirror);
    assertThat(digestAt(to)).isEqualTo(image.digest());
  }

  @Test
  void syncReadsTheTagsAndImagesThroughTheMirror() throws IOException {
    Path conf = registriesConf(at(mirror.hostAndPort()));
    String to = target.hostAndPort() + "/synced/ubi";

    CliRun run = CliRun.of("sync", PRIMARY + "/ubi9/ubi", to, "--registries-conf", conf.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Synced 1 images: 1 copied, 0 already present, 0 failed");
    assertThat(digestAt(to + ":9.4")).isEqualTo(image.digest());
  }

  @Test
  void hostsListsEverySourceAndPassesWhenOneDoes() throws IOException {
    Path conf = registriesConf(at(mirror.hostAndPort()));

    CliRun run = CliRun.of("hosts", byTag(), "--registries-conf", conf.toString());

    assertThat(run.exit()).as(run.toString()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("source mirror " + mirror.hostAndPort() + "/ubi9/ubi:9.4");
    assertThat(lines.get(1)).isEqualTo(mirror.hostAndPort() + " registry ok (tcp)");
    assertThat(lines.get(2)).isEqualTo("source " + byTag());
    assertThat(lines.subList(3, lines.size()))
        .containsExactly(PRIMARY + ":443 registry FAILED (unknown host " + PRIMARY + ")");
    assertThat(run.err()).startsWith("warning: " + byTag() + ": ");
  }

  @Test
  void hostsFailsWhenNoSourcePasses() throws IOException {
    Path conf = registriesConf(at(deadMirror));

    CliRun run = CliRun.of("hosts", byTag(), "--registries-conf", conf.toString());

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.out().lines())
        .filteredOn(l -> l.startsWith("source "))
        .containsExactly("source mirror " + deadMirror + "/ubi9/ubi:9.4", "source " + byTag());
    assertThat(run.err().lines()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("error: "));
  }
}
