package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.JwtTokenServer;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import dev.registryclient.testkit.distribution.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract for {@code push}, {@code copy} and {@code sync} against a real registry:
 * Debian's docker-registry with token auth (tokens from the test kit's JWT server). What the CLI
 * wrote is read back by {@code skopeo inspect}, which names the digest the registry serves.
 */
class TransferCommandsDistributionIT {
  private static final String USER = "mirror:m-secret";

  private static TestRegistry source;
  private static JwtTokenServer tokens;
  private static DistributionRegistry registry;
  private static PushedImage image;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    source = TestRegistry.builder().start();
    tokens = JwtTokenServer.builder().user("mirror", "m-secret").grant("mirror", "*", "*").start();
    registry = DistributionRegistry.builder().tokenAuth(tokens).start();
    image = source.image("team/app").oci().layer(3000).layer(5000).push("1.0");
    source.image("team/app").oci().layer(4000).push("2.0");
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : List.of(source, registry, tokens)) {
      try {
        c.close();
      } catch (Exception e) {
        // the others still stop
      }
    }
  }

  private static String lastLine(CliRun run) {
    List<String> lines = run.out().lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  /** The digest docker-registry serves for {@code reference}, as skopeo sees it. */
  private static String servedDigest(String reference) {
    String inspect =
        ExternalTool.skopeo()
            .runOrFail(
                Duration.ofSeconds(60),
                "inspect",
                "--raw",
                "--tls-verify=false",
                "--creds",
                USER,
                "docker://" + reference);
    return Digest.sha256(inspect.getBytes(StandardCharsets.UTF_8)).toString();
  }

  @Test
  void pushCopyWithinTheRegistryAndSyncTwice() {
    Path layout = dir.resolve("layout");
    CliRun pull = CliRun.of("pull", image.reference(), "--layout", layout.toString(), "--quiet");
    assertThat(pull.exit()).as(pull.toString()).isZero();
    String pushed = registry.hostAndPort() + "/pushed/app:1.0";
    String copied = registry.hostAndPort() + "/copied/app:1.0";
    String mirror = registry.hostAndPort() + "/mirror/app";

    CliRun push = CliRun.of("push", layout + ":1.0", pushed, "--dest-user", USER);
    CliRun copy = CliRun.of("copy", pushed, copied, "--dest-user", USER);
    CliRun sync =
        CliRun.of("sync", source.hostAndPort() + "/team/app", mirror, "--dest-user", USER);
    CliRun again =
        CliRun.of("sync", source.hostAndPort() + "/team/app", mirror, "--dest-user", USER);

    assertThat(push.exit()).as(push.toString()).isZero();
    assertThat(lastLine(push))
        .startsWith("Copied " + layout + ":1.0 " + image.digest() + " -> " + pushed + " (")
        .contains("3 blobs: 3 uploaded, 0 mounted, 0 skipped");
    assertThat(servedDigest(pushed)).isEqualTo(image.digest().toString());
    assertThat(copy.exit()).as(copy.toString()).isZero();
    assertThat(lastLine(copy))
        .startsWith("Copied " + pushed + " " + image.digest() + " -> " + copied + " (")
        .contains("3 blobs: 0 uploaded, 3 mounted, 0 skipped");
    assertThat(servedDigest(copied)).isEqualTo(image.digest().toString());
    assertThat(sync.exit()).as(sync.toString()).isZero();
    assertThat(lastLine(sync)).isEqualTo("Synced 2 images: 2 copied, 0 already present, 0 failed");
    assertThat(again.exit()).as(again.toString()).isZero();
    assertThat(lastLine(again)).isEqualTo("Synced 2 images: 0 copied, 2 already present, 0 failed");
    assertThat(servedDigest(mirror + ":1.0")).isEqualTo(image.digest().toString());
  }
}
