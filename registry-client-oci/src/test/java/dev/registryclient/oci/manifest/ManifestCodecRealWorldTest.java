package dev.registryclient.oci.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.manifest.Schema1Manifest;
import dev.registryclient.oci.testing.RealWorld;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every manifest of /work/shared/testdata/real-world/manifests, with the digests SOURCES.txt
 * states.
 */
class ManifestCodecRealWorldTest {

  private static final ErrorContext CTX = ErrorContext.of(Phase.MANIFEST);
  private static final ManifestCodec CODEC = ManifestCodec.defaults();

  private static Manifest decode(String file, String contentType) {
    return CODEC.decode(
        RealWorld.bytes("manifests/" + file), Optional.ofNullable(contentType), CTX);
  }

  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
    "dockerhub-alpine-latest-2020-08-20.manifest-list.json, application/vnd.docker.distribution.manifest.list.v2+json, sha256:185518070891758909c9f839cf4ca393ee977ac378609f700f60a771a2dfe321",
    "dockerhub-alpine-latest-2020-08-20.manifest-list.json, , sha256:185518070891758909c9f839cf4ca393ee977ac378609f700f60a771a2dfe321",
    "dockerhub-cosign-signature-manifest.json, application/vnd.oci.image.manifest.v1+json, sha256:7ebe8964225fa4619b53aa35416ef0246c037e36ddf81776b21b15e1dda2262b",
    "dockerhub-cosign-signature-manifest.json, application/json, sha256:7ebe8964225fa4619b53aa35416ef0246c037e36ddf81776b21b15e1dda2262b",
    "oci11-artifact-manifest-with-subject.json, application/vnd.oci.image.manifest.v1+json, sha256:25ecacb3ebf849dc7f2451172960e8d4947a5d4fcf2e8c720b9b281ebccf5e01",
    "schema1-signed-mitr-busybox.json, application/vnd.docker.distribution.manifest.v1+prettyjws, sha256:7364fea9d84ee548ab67d4c46c6006289800c98de3fbf8c0a97138dfcc23f000",
    "schema1-signed-mitr-busybox.json, application/vnd.docker.distribution.manifest.v1+json, sha256:7364fea9d84ee548ab67d4c46c6006289800c98de3fbf8c0a97138dfcc23f000",
    "schema1-signed-mitr-busybox.json, , sha256:7364fea9d84ee548ab67d4c46c6006289800c98de3fbf8c0a97138dfcc23f000",
    "dockerhub-postgres-17.11-index-with-attestations.json, application/vnd.oci.image.index.v1+json, sha256:f4c66b820c6f974249089d3d16d86a3698eae11e8746eb6644b2271031e91232",
    "dockerhub-postgres-17.11-index-with-attestations.json, , sha256:f4c66b820c6f974249089d3d16d86a3698eae11e8746eb6644b2271031e91232",
  })
  void everySampleHasTheStatedDigestAndKeepsItsExactBytes(
      String file, String contentType, String digest) {
    Manifest m = decode(file, contentType);
    assertThat(m.digest()).isEqualTo(Digest.parse(digest));
    assertThat(m.raw()).isEqualTo(RealWorld.bytes("manifests/" + file));
  }

  @Test
  void dockerHubAlpineListIsAnIndexOfSevenPlatforms() {
    ImageIndex index =
        (ImageIndex) decode("dockerhub-alpine-latest-2020-08-20.manifest-list.json", null);
    assertThat(index.mediaType()).isEqualTo(MediaType.DOCKER_MANIFEST_LIST);
    assertThat(index.manifests()).hasSize(7);
    assertThat(index.manifests().get(1).platform()).contains(Platform.of("linux", "arm", "v6"));
    assertThat(index.manifests().get(0).size()).isEqualTo(528);
  }

  @Test
  void cosignSignatureIsAnOciManifestWithLayerAnnotations() {
    ImageManifest m = (ImageManifest) decode("dockerhub-cosign-signature-manifest.json", null);
    assertThat(m.mediaType()).isEqualTo(MediaType.OCI_MANIFEST);
    assertThat(m.layers())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.mediaType())
                  .isEqualTo(MediaType.parse("application/vnd.dev.cosign.simplesigning.v1+json"));
              assertThat(l.annotations()).containsKey("dev.cosignproject.cosign/signature");
            });
  }

  @Test
  void oci11ArtifactHasSubjectAndArtifactType() {
    ImageManifest m = (ImageManifest) decode("oci11-artifact-manifest-with-subject.json", null);
    assertThat(m.artifactType()).contains(MediaType.parse("application/example.arms"));
    assertThat(m.config().mediaType()).isEqualTo(MediaType.OCI_EMPTY);
    assertThat(m.subject().orElseThrow().digest())
        .isEqualTo(
            Digest.parse(
                "sha256:6bed79d0800a0d3a1d0e0e8105a6a5f7f7758ce09e160a8f142574c418302467"));
  }

  @Test
  void signedSchema1ListsLayersNewestFirstWithDifferentRawAndRegistryDigests() {
    Schema1Manifest m = (Schema1Manifest) decode("schema1-signed-mitr-busybox.json", null);
    assertThat(m.mediaType()).isEqualTo(MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST);
    assertThat(m.name()).isEqualTo("mitr/busybox");
    assertThat(m.tag()).isEqualTo("latest");
    assertThat(m.fsLayers()).hasSize(3);
    assertThat(m.history()).hasSize(3).allMatch(h -> h.startsWith("{\"id\":"));
    assertThat(m.digest()).isNotEqualTo(Digest.sha256(m.raw()));
    // see Schema1PayloadTest: this fixture was edited after signing
    assertThat(m.signatureStatus()).isEqualTo(Schema1Manifest.SignatureStatus.INVALID);
  }

  @Test
  void windowsOsVersionIsRead() {
    ImageIndex index =
        (ImageIndex) decode("mcr-hello-world-windows-os-version.as-shown.json", null);
    assertThat(index.manifests())
        .anySatisfy(
            d -> assertThat(d.platform().orElseThrow().osVersion()).contains("10.0.17763.1697"));
  }

  @Test
  void dockerHubPostgresIndexHoldsEightImagesEachWithItsAttestation() {
    ImageIndex index =
        (ImageIndex) decode("dockerhub-postgres-17.11-index-with-attestations.json", null);

    assertThat(index.manifests()).hasSize(16);
    assertThat(index.images()).hasSize(8).noneMatch(Descriptor::isAttestation);
    assertThat(index.attestations()).hasSize(8).allMatch(d -> d.size() == 841);
    assertThat(index.platforms())
        .extracting(Platform::toString)
        .containsExactly(
            "linux/amd64",
            "linux/arm/v5",
            "linux/arm/v7",
            "linux/arm64/v8",
            "linux/386",
            "linux/ppc64le",
            "linux/riscv64",
            "linux/s390x");
    // BuildKit lists each attestation right after the image it describes
    for (int i = 0; i < 16; i += 2) {
      Descriptor image = index.manifests().get(i);
      Descriptor attestation = index.manifests().get(i + 1);
      assertThat(attestation.isAttestation()).isTrue();
      assertThat(attestation.platform()).contains(Platform.of("unknown", "unknown"));
      assertThat(attestation.attestedDigest()).contains(image.digest());
      assertThat(index.attestationsFor(image.digest())).containsExactly(attestation);
    }
  }
}
