package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code inspect} of a tag the registry serves both as Docker schema 1 and as schema 2 / OCI lists
 * the other document's digest under {@code alternateDigests}; nothing else changes.
 */
class InspectAlternateDigestsTest {
  private static final String SIGNED_SCHEMA1 =
      "application/vnd.docker.distribution.manifest.v1+prettyjws";

  private TestRegistry registry = TestRegistry.builder().start();

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void schema2TagAlsoServedAsSchema1ListsTheSchema1Digest() throws IOException {
    PushedImage old = registry.image("team/app").layer(100).pushSchema1("1.0");
    PushedImage current = registry.image("team/app").layer(100).push("1.0");

    JsonNode json = inspect(current.reference());

    assertThat(json.get("digest").asText()).isEqualTo(current.digest().toString());
    assertThat(json.get("mediaType").asText()).isEqualTo(current.mediaType());
    assertThat(json.get("alternateDigests")).hasSize(1);
    assertThat(json.at("/alternateDigests/0/mediaType").asText()).isEqualTo(SIGNED_SCHEMA1);
    assertThat(json.at("/alternateDigests/0/digest").asText())
        .isEqualTo(old.digest().toString())
        .isNotEqualTo(current.digest().toString());
    assertThat(json.at("/alternateDigests/0/size").asLong()).isEqualTo(old.size());
  }

  @Test
  void schema1TagAlsoServedAsOciListsTheOciDigest() throws IOException {
    PushedImage current = registry.image("team/app").oci().layer(100).push("1.0");
    PushedImage old = registry.image("team/app").layer(100).pushSchema1("1.0");

    JsonNode json = inspect(old.reference());

    assertThat(json.get("digest").asText()).isEqualTo(old.digest().toString());
    assertThat(json.get("mediaType").asText()).isEqualTo(SIGNED_SCHEMA1);
    assertThat(json.get("alternateDigests")).hasSize(1);
    assertThat(json.at("/alternateDigests/0/mediaType").asText()).isEqualTo(current.mediaType());
    assertThat(json.at("/alternateDigests/0/digest").asText())
        .isEqualTo(current.digest().toString())
        .isNotEqualTo(old.digest().toString());
  }

  @Test
  void otherSchemaIsAskedForWithOneHeadAcceptingOnlyThatFamily() throws IOException {
    PushedImage image = registry.image("team/app").layer(100).push("1.0");
    registry.journal().clear();

    inspect(image.reference());

    List<RecordedRequest> heads = registry.journal().matching("HEAD", "/v2/team/app/manifests/1.0");
    assertThat(heads).hasSize(1);
    String accept = heads.get(0).header("accept").orElseThrow();
    assertThat(accept).contains("manifest.v1+prettyjws", "manifest.v1+json");
    assertThat(accept).doesNotContain("v2+json", "oci");
  }

  @Test
  void tagWithOnlySchema2HasNoAlternates() throws IOException {
    PushedImage image = registry.image("team/app").layer(100).push("1.0");

    JsonNode json = inspect(image.reference());

    assertThat(json.get("digest").asText()).isEqualTo(image.digest().toString());
    assertThat(json.has("alternateDigests")).isFalse();
  }

  @Test
  void tagWithOnlySchema1HasNoAlternates() throws IOException {
    PushedImage image = registry.image("team/app").layer(100).pushSchema1("1.0");

    JsonNode json = inspect(image.reference());

    assertThat(json.get("digest").asText()).isEqualTo(image.digest().toString());
    assertThat(json.has("alternateDigests")).isFalse();
  }

  @Test
  void digestReferenceHasNoAlternatesAndAsksNothingMore() throws IOException {
    registry.image("team/app").layer(100).pushSchema1("1.0");
    PushedImage current = registry.image("team/app").layer(100).push("1.0");
    registry.journal().clear();

    JsonNode json = inspect(current.digestReference());

    assertThat(json.has("alternateDigests")).isFalse();
    assertThat(registry.journal().matching("HEAD", ".*/manifests/.*")).isEmpty();
  }

  @Test
  void registryRefusingTheNarrowedAcceptYieldsNoAlternateAndNoError() throws IOException {
    registry.close();
    registry =
        TestRegistry.builder()
            .faults(Fault.status(400).method("HEAD").on("/manifests/").always())
            .start();
    registry.image("team/app").layer(100).pushSchema1("1.0");
    PushedImage current = registry.image("team/app").layer(100).push("1.0");

    JsonNode json = inspect(current.reference());

    assertThat(json.get("digest").asText()).isEqualTo(current.digest().toString());
    assertThat(json.has("alternateDigests")).isFalse();
  }

  @Test
  void rawPrintsOnlyTheServedBytesEvenWhenTheOtherSchemaExists() {
    registry.image("team/app").layer(100).pushSchema1("1.0");
    PushedImage current = registry.image("team/app").layer(100).push("1.0");
    registry.journal().clear();

    CliRun run = CliRun.of("inspect", current.reference(), "--raw");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.stdoutBytes()).isEqualTo(current.manifest());
    assertThat(registry.journal().matching("HEAD", ".*/manifests/.*")).isEmpty();
  }

  private static JsonNode inspect(String reference) throws IOException {
    CliRun run = CliRun.of("inspect", reference);
    assertThat(run.exit()).as(run.toString()).isZero();
    return new ObjectMapper().readTree(run.stdoutBytes());
  }
}
