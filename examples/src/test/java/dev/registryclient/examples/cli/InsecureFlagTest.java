package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.oci.client.SelfSignedRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --insecure} reaches a registry with a self-signed certificate from every command. */
class InsecureFlagTest {
  private static SelfSignedRegistry registry;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    registry = SelfSignedRegistry.start();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private static String app() {
    return registry.hostAndPort() + "/app";
  }

  @Test
  void tagsListsTheTagsOverHttpsWithoutVerifying() {
    CliRun run = CliRun.of("tags", app(), "--insecure");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("1.0\n2.0\n");
  }

  @Test
  void inspectPrintsTheManifest() {
    CliRun run = CliRun.of("inspect", app() + ":1.0", "--insecure");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("\"mediaType\"", "application/vnd.oci.image.manifest.v1+json");
  }

  @Test
  void hostsReportsTheRegistryReachable() {
    CliRun run = CliRun.of("hosts", app() + ":1.0", "--insecure");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith(registry.hostAndPort() + " registry ok");
  }

  @Test
  void pullWritesTheLayout() throws Exception {
    Path layout = dir.resolve("layout");
    CliRun run = CliRun.of("pull", app() + ":1.0", "--layout", layout.toString(), "--insecure");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(Files.exists(layout.resolve("index.json"))).isTrue();
  }
}
