package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.testkit.PushedAttestation;
import dev.registryclient.testkit.PushedIndex;
import dev.registryclient.testkit.TestRegistry;
import dev.registryclient.testkit.distribution.ExternalTool;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pull --platform all} of an index with BuildKit attestations writes a complete layout:
 * {@code skopeo copy --all} reads every manifest and blob the stored index names, attestations
 * included. skopeo only reads directories here; it never talks to the test registry.
 */
class PullAttestationsSkopeoIT {
  private final TestRegistry registry = TestRegistry.builder().start();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void skopeoCopiesEveryImageAndAttestationOfThePulledIndex() {
    PushedIndex index =
        registry
            .index("team/attested")
            .add(registry.image("team/attested").platform("linux", "amd64").layer(3000))
            .add(registry.image("team/attested").platform("linux", "arm64").layer(5000))
            .withAttestations()
            .push("1.0");
    Path layout = dir.resolve("pulled");
    Path copy = dir.resolve("copy");

    CliRun run =
        CliRun.of(
            "pull",
            index.reference(),
            "--layout",
            layout.toString(),
            "--platform",
            "all",
            "--quiet");

    assertThat(run.exit()).as(run.toString()).isZero();
    ExternalTool.skopeo()
        .runOrFail(
            Duration.ofSeconds(60),
            "copy",
            "--all",
            "oci:" + layout + ":1.0",
            "oci:" + copy + ":1.0");
    String raw =
        ExternalTool.skopeo()
            .runOrFail(Duration.ofSeconds(60), "inspect", "--raw", "oci:" + copy + ":1.0");
    for (PushedAttestation attestation : index.attestations()) {
      assertThat(raw).contains(attestation.digest().toString());
      assertThat(copy.resolve("blobs/sha256/" + attestation.digest().hex())).exists();
      assertThat(
              copy.resolve("blobs/sha256/" + attestation.manifest().layers().get(0).digest().hex()))
          .exists();
    }
  }
}
