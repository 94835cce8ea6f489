package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import dev.registryclient.testkit.distribution.ExternalTool;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract for {@code pull --layout}: {@code skopeo inspect oci:DIR:TAG} works on what
 * the CLI wrote, also for a Docker schema 2 image (the test kit's default, and most of what real
 * registries serve). skopeo only reads the directory here; it never talks to the test registry.
 */
class PullLayoutSkopeoIT {
  private final TestRegistry registry = TestRegistry.builder().start();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void skopeoInspectsTheLayoutOfAPulledDockerImage() {
    PushedImage image = registry.image("team/app").docker().layer(3000).layer(5000).push("1.0");

    CliRun run = CliRun.of("pull", image.reference(), "--layout", dir.toString(), "--quiet");

    assertThat(run.exit()).as(run.toString()).isZero();
    String inspect =
        ExternalTool.skopeo().runOrFail(Duration.ofSeconds(60), "inspect", "oci:" + dir + ":1.0");
    for (PushedBlob layer : image.layers()) {
      assertThat(inspect).contains("\"" + layer.digest() + "\"");
    }
  }
}
