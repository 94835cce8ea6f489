package dev.registryclient.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescriptorTest {
  private static final Digest DIGEST = Digest.sha256(new byte[] {1, 2, 3});

  @Test
  void ofHasNothingOptional() {
    Descriptor d = Descriptor.of(MediaType.OCI_LAYER_TAR_GZIP, DIGEST, 3);

    assertThat(d.mediaType()).isSameAs(MediaType.OCI_LAYER_TAR_GZIP);
    assertThat(d.digest()).isEqualTo(DIGEST);
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.urls()).isEmpty();
    assertThat(d.annotations()).isEmpty();
    assertThat(d.platform()).isEmpty();
    assertThat(d.artifactType()).isEmpty();
  }

  @Test
  void withersSetOnlyTheirComponent() {
    Descriptor base = Descriptor.of(MediaType.OCI_MANIFEST, DIGEST, 3);
    Platform arm = Platform.parse("linux/arm64/v8");

    Descriptor d =
        base.withPlatform(arm)
            .withUrls(List.of("https://example.com/blob"))
            .withAnnotations(Map.of("k", "v"))
            .withArtifactType(MediaType.OCI_EMPTY);

    assertThat(d.platform()).contains(arm);
    assertThat(d.urls()).containsExactly("https://example.com/blob");
    assertThat(d.annotations()).containsExactly(Map.entry("k", "v"));
    assertThat(d.artifactType()).contains(MediaType.OCI_EMPTY);
    assertThat(d.withAnnotations(Map.of()).withUrls(List.of()))
        .isEqualTo(base.withPlatform(arm).withArtifactType(MediaType.OCI_EMPTY));
  }

  @Test
  void keepsUnmodifiableCopiesOfItsCollections() {
    List<String> urls = new ArrayList<>(List.of("https://a"));
    Map<String, String> annotations = new LinkedHashMap<>(Map.of("a", "1"));
    Descriptor d = Descriptor.of(MediaType.DOCKER_FOREIGN_LAYER, DIGEST, 3).withUrls(urls);
    d = d.withAnnotations(annotations);
    urls.add("https://b");
    annotations.put("b", "2");

    assertThat(d.urls()).containsExactly("https://a");
    assertThat(d.annotations()).containsOnlyKeys("a");
    Descriptor finalD = d;
    assertThatThrownBy(() -> finalD.urls().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> finalD.annotations().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void keepsAnnotationOrder() {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put("z", "1");
    annotations.put("a", "2");
    annotations.put("m", "3");

    Descriptor d = Descriptor.of(MediaType.OCI_MANIFEST, DIGEST, 3).withAnnotations(annotations);

    assertThat(d.annotations().keySet()).containsExactly("z", "a", "m");
  }

  @Test
  void rejectsANegativeSize() {
    assertThatThrownBy(() -> Descriptor.of(MediaType.OCI_MANIFEST, DIGEST, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1")
        .hasMessageContaining(DIGEST.toString());
  }

  @Test
  void rejectsNullElements() {
    Map<String, String> withNull = new LinkedHashMap<>();
    withNull.put("k", null);
    Descriptor d = Descriptor.of(MediaType.OCI_MANIFEST, DIGEST, 3);

    assertThatThrownBy(() -> d.withAnnotations(withNull)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> d.withUrls(Arrays.asList("a", null)))
        .isInstanceOf(NullPointerException.class);
  }

  // an entry of Docker Hub's postgres:17.11 index (sha256:f4c66b82...): the attestation of the
  // linux/amd64 image sha256:e31e3d53...
  private static final Digest POSTGRES_AMD64 =
      Digest.parse("sha256:e31e3d5327d1806f6177827c9710643e4f35f7ab3f14d26d05332753d3e95ee0");

  private static Descriptor postgresAttestation(Map<String, String> annotations) {
    return Descriptor.of(
            MediaType.OCI_MANIFEST,
            Digest.parse("sha256:2ca48abe6ef9fb9fda600a9198bddb14784a87cd653a364631916831168b938f"),
            841)
        .withPlatform(Platform.of("unknown", "unknown"))
        .withAnnotations(annotations);
  }

  @Test
  void aBuildKitAttestationNamesTheImageItDescribes() {
    Descriptor d =
        postgresAttestation(
            Map.of(
                "com.docker.official-images.bashbrew.arch", "amd64",
                "vnd.docker.reference.digest", POSTGRES_AMD64.toString(),
                "vnd.docker.reference.type", "attestation-manifest"));

    assertThat(d.isAttestation()).isTrue();
    assertThat(d.attestedDigest()).contains(POSTGRES_AMD64);
  }

  @Test
  void anImageIsNoAttestationEvenWithAReferenceDigest() {
    Descriptor image =
        Descriptor.of(MediaType.OCI_MANIFEST, POSTGRES_AMD64, 3628)
            .withPlatform(Platform.of("linux", "amd64"));
    Descriptor otherType =
        postgresAttestation(
            Map.of(
                Descriptor.REFERENCE_TYPE_ANNOTATION,
                "signature",
                Descriptor.REFERENCE_DIGEST_ANNOTATION,
                POSTGRES_AMD64.toString()));

    assertThat(image.isAttestation()).isFalse();
    assertThat(image.attestedDigest()).isEmpty();
    assertThat(otherType.isAttestation()).isFalse();
    assertThat(otherType.attestedDigest()).isEmpty();
  }

  @Test
  void unknownPlatformAloneDoesNotMakeAnAttestation() {
    assertThat(postgresAttestation(Map.of()).isAttestation()).isFalse();
  }

  @Test
  void anAttestationWithoutAValidReferenceDigestNamesNoImage() {
    Descriptor missing =
        postgresAttestation(Map.of(Descriptor.REFERENCE_TYPE_ANNOTATION, "attestation-manifest"));
    Descriptor malformed =
        postgresAttestation(
            Map.of(
                Descriptor.REFERENCE_TYPE_ANNOTATION,
                Descriptor.ATTESTATION_MANIFEST,
                Descriptor.REFERENCE_DIGEST_ANNOTATION,
                "sha256:not-a-digest"));

    assertThat(missing.isAttestation()).isTrue();
    assertThat(missing.attestedDigest()).isEmpty();
    assertThat(malformed.isAttestation()).isTrue();
    assertThat(malformed.attestedDigest()).isEmpty();
  }
}
