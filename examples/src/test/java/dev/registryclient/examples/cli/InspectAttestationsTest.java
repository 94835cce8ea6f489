package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryclient.testkit.PushedIndex;
import dev.registryclient.testkit.TestRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code inspect} and {@code pull} on an index with BuildKit attestation manifests. */
class InspectAttestationsTest {
  private static TestRegistry registry;
  private static PushedIndex attested;
  private static PushedIndex plain;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    registry = TestRegistry.builder().start();
    attested =
        registry
            .index("team/attested")
            .add(registry.image("team/attested").platform("linux", "amd64").layer(10))
            .add(registry.image("team/attested").platform("linux", "arm64").layer(20))
            .withAttestations()
            .push("1.0");
    plain =
        registry
            .index("team/plain")
            .add(registry.image("team/plain").platform("linux", "amd64").layer(10))
            .push("1.0");
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private static JsonNode inspect(String... args) throws Exception {
    String[] all = new String[args.length + 1];
    all[0] = "inspect";
    System.arraycopy(args, 0, all, 1, args.length);
    CliRun run = CliRun.of(all);
    assertThat(run.exit()).as(run.toString()).isZero();
    return new ObjectMapper().readTree(run.stdoutBytes());
  }

  @Test
  void platformsListOnlyTheImagesAndAttestationsNameTheImageTheyDescribe() throws Exception {
    JsonNode json = inspect(attested.reference());

    assertThat(json.get("platforms").toString()).isEqualTo("[\"linux/amd64\",\"linux/arm64\"]");
    assertThat(json.get("attestations")).hasSize(2);
    for (int i = 0; i < 2; i++) {
      JsonNode entry = json.get("attestations").get(i);
      assertThat(entry.get("digest").asText())
          .isEqualTo(attested.attestations().get(i).digest().toString());
      assertThat(entry.get("for").asText()).isEqualTo(attested.images().get(i).digest().toString());
    }
    // manifests still mirrors the index as served, attestations included
    assertThat(json.get("manifests")).hasSize(4);
  }

  @Test
  void anIndexWithoutAttestationsHasNoAttestationsField() throws Exception {
    JsonNode json = inspect(plain.reference());

    assertThat(json.has("attestations")).isFalse();
    assertThat(json.get("platforms").toString()).isEqualTo("[\"linux/amd64\"]");
  }

  @Test
  void unknownUnknownIsNotAPlatformToInspect() {
    CliRun run = CliRun.of("inspect", attested.reference(), "--platform", "unknown/unknown");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("available: linux/amd64, linux/arm64").contains("--platform");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void pullAllKeepsTheAttestationManifestsAndTheirBlobsInTheLayout() {
    CliRun run =
        CliRun.of("pull", attested.reference(), "--layout", dir.toString(), "--platform", "all");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains(attested.digest().toString());
    Path blobs = dir.resolve("blobs/sha256");
    attested
        .attestations()
        .forEach(
            a -> {
              assertThat(blobs.resolve(a.digest().hex())).exists();
              assertThat(blobs.resolve(a.manifest().config().digest().hex())).exists();
              assertThat(blobs.resolve(a.manifest().layers().get(0).digest().hex())).exists();
            });
  }

  @Test
  void pullOfUnknownUnknownFailsListingTheImagePlatforms() {
    CliRun run =
        CliRun.of(
            "pull",
            attested.reference(),
            "--layout",
            dir.toString(),
            "--platform",
            "unknown/unknown");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("available: linux/amd64, linux/arm64");
    Path blobs = dir.resolve("blobs/sha256");
    attested
        .attestations()
        .forEach(a -> assertThat(blobs.resolve(a.digest().hex())).doesNotExist());
  }
}
