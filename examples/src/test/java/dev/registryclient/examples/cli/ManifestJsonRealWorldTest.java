package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.oci.manifest.ManifestCodec;
import dev.registryclient.oci.testing.RealWorld;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code inspect} JSON of real indexes (registry-client-oci's real-world samples). */
class ManifestJsonRealWorldTest {

  private static ObjectNode describe(String file) {
    Manifest manifest =
        ManifestCodec.defaults()
            .decode(
                RealWorld.bytes("manifests/" + file),
                Optional.empty(),
                ErrorContext.of(Phase.MANIFEST));
    return ManifestJson.describe("docker.io/library/x:1", manifest);
  }

  @Test
  void dockerHubPostgresListsEightPlatformsAndEightAttestations() {
    ObjectNode json = describe("dockerhub-postgres-17.11-index-with-attestations.json");

    assertThat(json.get("platforms").toString())
        .isEqualTo(
            "[\"linux/amd64\",\"linux/arm/v5\",\"linux/arm/v7\",\"linux/arm64/v8\","
                + "\"linux/386\",\"linux/ppc64le\",\"linux/riscv64\",\"linux/s390x\"]");
    JsonNode attestations = json.get("attestations");
    assertThat(attestations).hasSize(8);
    assertThat(attestations.get(0).get("digest").asText())
        .isEqualTo("sha256:2ca48abe6ef9fb9fda600a9198bddb14784a87cd653a364631916831168b938f");
    assertThat(attestations.get(0).get("for").asText())
        .isEqualTo("sha256:e31e3d5327d1806f6177827c9710643e4f35f7ab3f14d26d05332753d3e95ee0");
    assertThat(attestations.get(7).get("for").asText())
        .isEqualTo("sha256:33b944ae19be3c19293d7592789c56a6c7808b552a38e78e440904a57d19d570");
    assertThat(attestations.get(0).size()).isEqualTo(2);
  }

  @Test
  void dockerHubAlpineListIsDescribedAsBefore() {
    ObjectNode json = describe("dockerhub-alpine-latest-2020-08-20.manifest-list.json");

    assertThat(json.get("platforms")).hasSize(7);
    assertThat(json.get("manifests")).hasSize(7);
    assertThat(json.has("attestations")).isFalse();
  }
}
