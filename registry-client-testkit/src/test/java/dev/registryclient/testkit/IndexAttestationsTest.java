package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexAttestationsTest {

  @Test
  @SuppressWarnings("unchecked")
  void eachImageIsFollowedByAnAttestationNamingItLikeBuildKitWritesThem() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedIndex index =
          registry
              .index("att/app")
              .add(registry.image("att/app").platform("linux", "amd64").layer(10))
              .add(registry.image("att/app").platform("linux", "arm64").layer(20))
              .withAttestations()
              .push("1.0");

      HttpResponse<byte[]> served =
          Http.get(
              registry.url() + "/v2/att/app/manifests/1.0", "Accept", ImageFormat.OCI.indexType());
      List<Map<String, Object>> entries =
          (List<Map<String, Object>>) Http.json(served).get("manifests");
      assertThat(entries).hasSize(4);
      PushedImage arm = index.image("linux", "arm64");
      Map<String, Object> armAttestation = entries.get(3);
      assertThat(armAttestation.get("digest"))
          .isEqualTo(index.attestation("linux", "arm64").digest().toString());
      assertThat(armAttestation.get("platform"))
          .isEqualTo(Map.of("architecture", "unknown", "os", "unknown"));
      assertThat(armAttestation.get("annotations"))
          .isEqualTo(
              Map.of(
                  "vnd.docker.reference.type",
                  "attestation-manifest",
                  "vnd.docker.reference.digest",
                  arm.digest().toString()));
      assertThat(index.attestations())
          .extracting(PushedAttestation::describes)
          .containsExactly(index.image("linux", "amd64").digest(), arm.digest());
    }
  }

  @Test
  void theAttestationAndItsInTotoLayerAreServed() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedIndex index =
          registry
              .index("att/b")
              .add(registry.image("att/b").layer(10))
              .withAttestations()
              .push("1.0");
      PushedAttestation attestation = index.attestations().get(0);
      PushedBlob statement = attestation.manifest().layers().get(0);

      HttpResponse<byte[]> manifest =
          Http.get(
              registry.url() + "/v2/att/b/manifests/" + attestation.digest(),
              "Accept",
              ImageFormat.OCI.manifestType());
      HttpResponse<byte[]> layer =
          Http.get(registry.url() + "/v2/att/b/blobs/" + statement.digest());

      assertThat(manifest.body()).isEqualTo(attestation.manifest().manifest());
      assertThat(statement.mediaType()).isEqualTo("application/vnd.in-toto+json");
      assertThat(Http.json(layer).get("subject").toString())
          .contains(attestation.describes().hex());
    }
  }

  @Test
  void aDockerManifestListCannotHoldAttestations() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      IndexBuilder builder =
          registry
              .index("att/c")
              .add(registry.image("att/c").layer(10))
              .dockerManifestList()
              .withAttestations();

      assertThatThrownBy(() -> builder.push("1.0"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("OCI");
    }
  }
}
