package dev.registryclient.api.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.manifest.Schema1Manifest.SignatureStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Schema1ManifestTest {
  private static final byte[] RAW = "{\"schemaVersion\":1,\"signatures\":[]}".getBytes(UTF_8);
  private static final Digest PAYLOAD = Digest.sha256("{\"schemaVersion\":1}".getBytes(UTF_8));
  private static final Digest NEWEST = Digest.sha256("top".getBytes(UTF_8));
  private static final Digest MIDDLE = Digest.sha256("middle".getBytes(UTF_8));
  private static final Digest BASE = Digest.sha256("base".getBytes(UTF_8));

  private static Schema1Manifest manifest(List<Digest> fsLayers, SignatureStatus status) {
    List<String> history = new ArrayList<>();
    fsLayers.forEach(d -> history.add("{\"id\":\"" + d.hex() + "\"}"));
    return new Schema1Manifest(
        MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST,
        PAYLOAD,
        RAW,
        "library/busybox",
        "latest",
        "amd64",
        fsLayers,
        history,
        status);
  }

  @Test
  void listsLayersInApplyOrderWhileFsLayersKeepDocumentOrder() {
    Schema1Manifest m = manifest(List.of(NEWEST, MIDDLE, BASE), SignatureStatus.UNVERIFIED);

    assertThat(m.fsLayers()).containsExactly(NEWEST, MIDDLE, BASE);
    assertThat(m.layers()).containsExactly(BASE, MIDDLE, NEWEST);
    assertThat(m.history().get(0)).contains(NEWEST.hex());
  }

  @Test
  void keepsRepeatedEmptyLayersAtEveryPosition() {
    Schema1Manifest m = manifest(List.of(MIDDLE, BASE, MIDDLE), SignatureStatus.UNSIGNED);

    assertThat(m.layers()).containsExactly(MIDDLE, BASE, MIDDLE);
  }

  @Test
  void keepsTheDigestItWasGivenForThePayload() {
    Schema1Manifest m = manifest(List.of(BASE), SignatureStatus.VERIFIED);

    // the payload digest, not the digest of the bytes with signatures
    assertThat(m.digest()).isEqualTo(PAYLOAD).isNotEqualTo(Digest.sha256(RAW));
    assertThat(m.schemaVersion()).isEqualTo(1);
    assertThat(m.size()).isEqualTo(RAW.length);
  }

  @Test
  void reportsSigningAndVerification() {
    assertThat(manifest(List.of(), SignatureStatus.UNSIGNED).signed()).isFalse();
    assertThat(manifest(List.of(), SignatureStatus.UNVERIFIED).signed()).isTrue();
    assertThat(manifest(List.of(), SignatureStatus.UNVERIFIED).signaturesVerified()).isFalse();
    assertThat(manifest(List.of(), SignatureStatus.VERIFIED).signaturesVerified()).isTrue();
    assertThat(manifest(List.of(), SignatureStatus.INVALID).signed()).isTrue();
    assertThat(manifest(List.of(), SignatureStatus.INVALID).signaturesVerified()).isFalse();
  }

  @Test
  void rejectsHistoryOfADifferentLength() {
    assertThatThrownBy(
            () ->
                new Schema1Manifest(
                    MediaType.DOCKER_SCHEMA1_MANIFEST,
                    PAYLOAD,
                    RAW,
                    "a",
                    "b",
                    "amd64",
                    List.of(BASE, MIDDLE),
                    List.of("{}"),
                    SignatureStatus.UNSIGNED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 fsLayers but 1 history");
  }

  @Test
  void acceptsOnlySchema1MediaTypes() {
    assertThatThrownBy(
            () ->
                new Schema1Manifest(
                    MediaType.JSON,
                    PAYLOAD,
                    RAW,
                    "a",
                    "b",
                    "amd64",
                    List.of(),
                    List.of(),
                    SignatureStatus.UNSIGNED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("application/json");
  }

  @Test
  void copiesItsBytesAndLists() {
    byte[] raw = RAW.clone();
    List<Digest> fsLayers = new ArrayList<>(List.of(BASE));
    Schema1Manifest m =
        new Schema1Manifest(
            MediaType.DOCKER_SCHEMA1_MANIFEST,
            PAYLOAD,
            raw,
            "a",
            "b",
            "amd64",
            fsLayers,
            List.of("{}"),
            SignatureStatus.UNSIGNED);
    raw[0] = 0;
    m.raw()[1] = 0;
    fsLayers.add(MIDDLE);

    assertThat(m.raw()).isEqualTo(RAW);
    assertThat(m.fsLayers()).containsExactly(BASE);
    assertThatThrownBy(() -> m.layers().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalsComparesContentNotArrayIdentity() {
    Schema1Manifest a = manifest(List.of(BASE), SignatureStatus.VERIFIED);
    Schema1Manifest b = manifest(List.of(BASE), SignatureStatus.VERIFIED);

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(manifest(List.of(BASE), SignatureStatus.UNVERIFIED));
    assertThat(a.toString()).contains("library/busybox:latest").contains("VERIFIED");
  }
}
