package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.PushedIndex;
import dev.registryclient.testkit.TestRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InspectCommandTest {
  private static TestRegistry registry;
  private static PushedImage image;
  private static PushedIndex index;

  @BeforeAll
  static void start() {
    registry = TestRegistry.builder().start();
    image = registry.image("team/app").layer(100).layer(200).push("1.0");
    index =
        registry
            .index("team/multi")
            .add(registry.image("team/multi").platform("linux", "amd64").layer(10))
            .add(registry.image("team/multi").platform("linux", "arm64").layer(20))
            .push("1.0");
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void describesAnImageWithDigestConfigAndLayers() throws Exception {
    CliRun run = CliRun.of("inspect", image.reference());

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.stdoutBytes());
    assertThat(json.get("digest").asText()).isEqualTo(image.digest().toString());
    assertThat(json.get("mediaType").asText()).isEqualTo(image.mediaType());
    assertThat(json.at("/config/digest").asText()).isEqualTo(image.config().digest().toString());
    assertThat(json.get("layers")).hasSize(2);
    assertThat(json.at("/layers/1/digest").asText())
        .isEqualTo(image.layers().get(1).digest().toString());
    assertThat(json.at("/layers/1/size").asLong()).isEqualTo(200);
    assertThat(json.at("/layers/1/mediaType").asText()).isNotEmpty();
  }

  @Test
  void describesAnIndexWithItsPlatforms() throws Exception {
    CliRun run = CliRun.of("inspect", index.reference());

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.stdoutBytes());
    assertThat(json.get("digest").asText()).isEqualTo(index.digest().toString());
    assertThat(json.get("platforms").toString()).contains("linux/amd64", "linux/arm64");
    assertThat(json.at("/manifests/1/digest").asText())
        .isEqualTo(index.image("linux", "arm64").digest().toString());
  }

  @Test
  void platformPicksThatImageFromTheIndex() throws Exception {
    CliRun run = CliRun.of("inspect", index.reference(), "--platform", "linux/arm64");

    assertThat(run.exit()).as(run.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.stdoutBytes());
    PushedImage arm = index.image("linux", "arm64");
    assertThat(json.get("digest").asText()).isEqualTo(arm.digest().toString());
    assertThat(json.at("/layers/0/digest").asText())
        .isEqualTo(arm.layers().get(0).digest().toString());
  }

  @Test
  void rawPrintsTheManifestBytesExactlyAsServed() {
    CliRun plain = CliRun.of("inspect", image.reference(), "--raw");
    CliRun ofIndex = CliRun.of("inspect", index.reference(), "--raw");

    assertThat(plain.stdoutBytes()).isEqualTo(image.manifest());
    assertThat(ofIndex.stdoutBytes()).isEqualTo(index.manifest());
  }

  @Test
  void platformTheIndexLacksFailsListingWhatIsThere() {
    CliRun run = CliRun.of("inspect", index.reference(), "--platform", "windows/amd64");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("--platform");
  }

  @Test
  void unknownTagFailsWithExitOne() {
    CliRun run = CliRun.of("inspect", registry.hostAndPort() + "/team/app:nope");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("manifest failed", registry.hostAndPort(), "team/app");
    assertThat(run.err())
        .contains("manifest " + registry.hostAndPort() + "/team/app:nope not found")
        .doesNotContain("registry answered");
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void malformedReferenceIsAUsageError() {
    CliRun run = CliRun.of("inspect", registry.hostAndPort() + "/Team/App:1.0");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("REF").contains("--help");
  }

  @Test
  void malformedPlatformIsAUsageError() {
    CliRun run = CliRun.of("inspect", image.reference(), "--platform", "linux");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("OS/ARCH");
  }
}
