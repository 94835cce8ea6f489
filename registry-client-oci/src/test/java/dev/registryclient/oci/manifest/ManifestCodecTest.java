package dev.registryclient.oci.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.manifest.Schema1Manifest;
import dev.registryclient.oci.testing.LibtrustSigner;
import dev.registryclient.oci.testing.RealWorld;
import java.io.ByteArrayInputStream;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestCodecTest {

  private static final ErrorContext CTX =
      ErrorContext.of(Phase.MANIFEST, "registry.example", "ns/app");
  private static final byte[] COSIGN =
      RealWorld.bytes("manifests/dockerhub-cosign-signature-manifest.json");
  private static final String D = "sha256:" + "ab".repeat(32);

  private static Manifest decode(String json, String contentType) {
    return ManifestCodec.defaults()
        .decode(json.getBytes(UTF_8), Optional.ofNullable(contentType), CTX);
  }

  @Test
  void acceptListsEveryReadableManifestType() {
    assertThat(ManifestCodec.ACCEPT.split(", "))
        .containsExactly(
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.v1+prettyjws",
            "application/vnd.docker.distribution.manifest.v1+json");
  }

  @Test
  void contentTypeParametersAreIgnored() {
    Manifest m =
        ManifestCodec.defaults()
            .decode(
                COSIGN,
                Optional.of("application/vnd.oci.image.manifest.v1+json; charset=utf-8"),
                CTX);
    assertThat(m.mediaType()).isEqualTo(MediaType.OCI_MANIFEST);
  }

  @Test
  void contentTypeNamingAnotherManifestTypeThanTheDocumentIsRefusedNamingBoth() {
    assertThatThrownBy(
            () ->
                ManifestCodec.defaults()
                    .decode(
                        COSIGN,
                        Optional.of("application/vnd.docker.distribution.manifest.v2+json"),
                        CTX))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("application/vnd.docker.distribution.manifest.v2+json")
        .hasMessageContaining("application/vnd.oci.image.manifest.v1+json")
        .hasMessageContaining("registry.example/ns/app");
  }

  @Test
  void indexServedAsImageManifestIsRefused() {
    String index = "{\"schemaVersion\":2,\"manifests\":[]}";
    assertThatThrownBy(() -> decode(index, "application/vnd.oci.image.manifest.v1+json"))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("application/vnd.oci.image.index.v1+json");
  }

  @Test
  void unknownContentTypeIsRefusedNamingIt() {
    assertThatThrownBy(
            () -> decode(new String(COSIGN, UTF_8), "application/vnd.example.thing+json"))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("application/vnd.example.thing+json")
        .hasMessageContaining("application/vnd.oci.image.manifest.v1+json");
  }

  @Test
  void unknownDocumentMediaTypeIsRefused() {
    assertThatThrownBy(
            () -> decode("{\"schemaVersion\":2,\"mediaType\":\"application/x-foo\"}", null))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("application/x-foo");
  }

  @Test
  void ociManifestWithoutMediaTypeIsRecognisedByShape() {
    String json =
        "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
            + D
            + "\",\"size\":1},\"layers\":[]}";
    assertThat(decode(json, null)).isInstanceOf(ImageManifest.class);
  }

  @Test
  void digestIsComputedFromTheBytesNotFromReserialisedJson() {
    String spaced =
        " { \"schemaVersion\" : 2, \"mediaType\":\"application/vnd.oci.image.index.v1+json\", \"manifests\" : [ ] }\n";
    Manifest m = decode(spaced, null);
    assertThat(m.digest()).isEqualTo(Digest.sha256(spaced.getBytes(UTF_8)));
    assertThat(new String(m.raw(), UTF_8)).isEqualTo(spaced);
  }

  @Test
  void documentLargerThanTheLimitIsRefusedBeforeParsing() {
    ManifestCodec small = ManifestCodec.builder().maxBytes(100).build();
    assertThatThrownBy(() -> small.decode(COSIGN, Optional.empty(), CTX))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("100 byte limit");
  }

  @Test
  void readLimitedStopsReadingAfterTheLimit() {
    ManifestCodec small = ManifestCodec.builder().maxBytes(10).build();
    ByteArrayInputStream in = new ByteArrayInputStream(new byte[1_000_000]);
    assertThatThrownBy(() -> small.readLimited(in, CTX))
        .isInstanceOf(InvalidContentException.class);
    assertThat(in.available()).isEqualTo(1_000_000 - 11);
    assertThat(small.readLimited(new ByteArrayInputStream(new byte[10]), CTX)).hasSize(10);
  }

  @Test
  void garbageIsRefused() {
    for (String junk :
        new String[] {
          "", "not json", "[1,2]", "{\"schemaVersion\":2", "null", "{\"schemaVersion\":\"2\"}"
        }) {
      assertThatThrownBy(() -> decode(junk, null))
          .as(junk)
          .isInstanceOf(InvalidContentException.class);
    }
  }

  @Test
  void descriptorWithNegativeSizeOrBadDigestIsRefusedWithItsPath() {
    String badDigest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:XYZ\",\"size\":1}]}";
    assertThatThrownBy(() -> decode(badDigest, null))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("manifests[0].digest");
    String negative = badDigest.replace("sha256:XYZ", D).replace("\"size\":1", "\"size\":-1");
    assertThatThrownBy(() -> decode(negative, null)).hasMessageContaining("manifests[0].size");
  }

  @Test
  void freshlySignedSchema1VerifiesAndIsReadFromItsPayload() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
    gen.initialize(new ECGenParameterSpec("secp256r1"));
    String payload =
        "{\n   \"schemaVersion\": 1,\n   \"name\": \"ns/app\",\n   \"tag\": \"1.0\",\n   \"architecture\": \"arm64\",\n"
            + "   \"fsLayers\": [\n      {\n         \"blobSum\": \""
            + D
            + "\"\n      }\n   ],\n"
            + "   \"history\": [\n      {\n         \"v1Compatibility\": \"{}\"\n      }\n   ]\n}";
    byte[] signed = LibtrustSigner.sign(payload, gen.generateKeyPair(), "ES256");
    Schema1Manifest m =
        (Schema1Manifest) ManifestCodec.defaults().decode(signed, Optional.empty(), CTX);
    assertThat(m.signatureStatus()).isEqualTo(Schema1Manifest.SignatureStatus.VERIFIED);
    assertThat(m.digest()).isEqualTo(Digest.sha256(payload.getBytes(UTF_8)));
    assertThat(ManifestCodec.digestOf(signed, MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST, CTX))
        .isEqualTo(m.digest());
    assertThat(m.layers()).containsExactly(Digest.parse(D));
    assertThat(m.architecture()).isEqualTo("arm64");
  }

  @Test
  void unsignedSchema1IsUnsignedWithTheRawDigest() {
    String json =
        "{\"schemaVersion\":1,\"name\":\"a\",\"tag\":\"b\",\"architecture\":\"amd64\",\"fsLayers\":[],\"history\":[]}";
    Schema1Manifest m =
        (Schema1Manifest) decode(json, "application/vnd.docker.distribution.manifest.v1+json");
    assertThat(m.signatureStatus()).isEqualTo(Schema1Manifest.SignatureStatus.UNSIGNED);
    assertThat(m.mediaType()).isEqualTo(MediaType.DOCKER_SCHEMA1_MANIFEST);
    assertThat(m.digest()).isEqualTo(Digest.sha256(json.getBytes(UTF_8)));
  }
}
