package dev.registryclient.api.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageIndexTest {
  // served by registry-1.docker.io for library/alpine:latest on 2020-08-20 (Docker-Content-Digest)
  private static final Digest ALPINE_LIST_DIGEST =
      Digest.parse("sha256:185518070891758909c9f839cf4ca393ee977ac378609f700f60a771a2dfe321");

  private static byte[] alpineList() throws IOException {
    try (InputStream in =
        ImageIndexTest.class.getResourceAsStream(
            "/manifests/dockerhub-alpine-latest-2020-08-20.manifest-list.json")) {
      return in.readAllBytes();
    }
  }

  private static Descriptor child(String platform, String content) {
    return Descriptor.of(MediaType.DOCKER_MANIFEST, Digest.sha256(content.getBytes(UTF_8)), 528)
        .withPlatform(Platform.parse(platform));
  }

  @Test
  void isAddressedByTheDigestTheRegistryServedForTheseBytes() throws IOException {
    ImageIndex index = ImageIndex.of(MediaType.DOCKER_MANIFEST_LIST, alpineList(), List.of());

    assertThat(index.digest()).isEqualTo(ALPINE_LIST_DIGEST);
    assertThat(index.size()).isEqualTo(1638);
    assertThat(index.descriptor().size()).isEqualTo(1638);
  }

  @Test
  void rejectsADigestThatIsNotTheDigestOfItsBytes() throws IOException {
    byte[] raw = alpineList();
    raw[raw.length - 1] = ' ';

    assertThatThrownBy(
            () ->
                new ImageIndex(
                    MediaType.DOCKER_MANIFEST_LIST,
                    ALPINE_LIST_DIGEST,
                    raw,
                    List.of(),
                    Map.of(),
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ALPINE_LIST_DIGEST.toString());
  }

  @Test
  void findsTheChildrenForAPlatformInDocumentOrder() {
    Descriptor amd64 = child("linux/amd64", "a");
    Descriptor armV6 = child("linux/arm/v6", "b");
    Descriptor armV7 = child("linux/arm/v7", "c");
    Descriptor arm64 = child("linux/arm64/v8", "d");
    Descriptor noPlatform =
        Descriptor.of(MediaType.OCI_MANIFEST, Digest.sha256("e".getBytes(UTF_8)), 1);
    ImageIndex index =
        ImageIndex.of(
            MediaType.OCI_INDEX,
            "{}".getBytes(UTF_8),
            List.of(amd64, armV6, armV7, arm64, noPlatform));

    assertThat(index.manifestsMatching(Platform.parse("linux/aarch64"))).containsExactly(arm64);
    assertThat(index.manifestsMatching(Platform.parse("linux/arm"))).containsExactly(armV7);
    assertThat(index.manifestsMatching(Platform.parse("linux/x86_64"))).containsExactly(amd64);
    assertThat(index.manifestsMatching(Platform.parse("windows/amd64"))).isEmpty();
  }

  @Test
  void acceptsOnlyIndexMediaTypes() {
    assertThatThrownBy(() -> ImageIndex.of(MediaType.OCI_MANIFEST, new byte[0], List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ImageIndex.of(MediaType.OCI_INDEX, new byte[0], List.of()).schemaVersion())
        .isEqualTo(2);
  }

  @Test
  void copiesItsBytesAndCollections() throws IOException {
    byte[] raw = alpineList();
    ArrayList<Descriptor> children = new ArrayList<>();
    children.add(child("linux/amd64", "a"));
    ImageIndex index = ImageIndex.of(MediaType.DOCKER_MANIFEST_LIST, raw, children);
    raw[0] = 0;
    index.raw()[0] = 0;
    children.clear();

    assertThat(index.raw()).isEqualTo(alpineList());
    assertThat(index.manifests()).hasSize(1);
    assertThatThrownBy(() -> index.manifests().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equalsComparesContentNotArrayIdentity() throws IOException {
    ImageIndex a = ImageIndex.of(MediaType.DOCKER_MANIFEST_LIST, alpineList(), List.of());
    ImageIndex b = ImageIndex.of(MediaType.DOCKER_MANIFEST_LIST, alpineList(), List.of());

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a)
        .isNotEqualTo(
            ImageIndex.of(
                MediaType.DOCKER_MANIFEST_LIST, alpineList(), List.of(child("linux/amd64", "a"))));
  }

  private static Descriptor attestationOf(Descriptor image, String content) {
    return Descriptor.of(MediaType.OCI_MANIFEST, Digest.sha256(content.getBytes(UTF_8)), 841)
        .withPlatform(Platform.of("unknown", "unknown"))
        .withAnnotations(
            Map.of(
                Descriptor.REFERENCE_DIGEST_ANNOTATION,
                image.digest().toString(),
                Descriptor.REFERENCE_TYPE_ANNOTATION,
                Descriptor.ATTESTATION_MANIFEST));
  }

  /** The shape BuildKit writes: each image followed by its attestation. */
  private static ImageIndex buildKitIndex(Descriptor... images) {
    List<Descriptor> children = new ArrayList<>();
    for (Descriptor image : images) {
      children.add(image);
      children.add(attestationOf(image, "attestation of " + image.digest()));
    }
    return ImageIndex.of(MediaType.OCI_INDEX, "{}".getBytes(UTF_8), children);
  }

  @Test
  void splitsImagesFromAttestationsInDocumentOrder() {
    Descriptor amd64 = child("linux/amd64", "a");
    Descriptor arm64 = child("linux/arm64/v8", "b");
    ImageIndex index = buildKitIndex(amd64, arm64);

    assertThat(index.manifests()).hasSize(4);
    assertThat(index.images()).containsExactly(amd64, arm64);
    assertThat(index.attestations())
        .containsExactly(index.manifests().get(1), index.manifests().get(3));
    assertThat(index.platforms())
        .containsExactly(Platform.parse("linux/amd64"), Platform.parse("linux/arm64/v8"));
  }

  @Test
  void findsTheAttestationsOfAnImage() {
    Descriptor amd64 = child("linux/amd64", "a");
    Descriptor arm64 = child("linux/arm64/v8", "b");
    ImageIndex index = buildKitIndex(amd64, arm64);

    assertThat(index.attestationsFor(arm64.digest())).containsExactly(index.manifests().get(3));
    assertThat(index.attestationsFor(Digest.sha256("elsewhere".getBytes(UTF_8)))).isEmpty();
  }

  @Test
  void unknownUnknownNeverSelectsAnAttestation() {
    ImageIndex index = buildKitIndex(child("linux/amd64", "a"));

    assertThat(index.manifestsMatching(Platform.of("unknown", "unknown"))).isEmpty();
    assertThat(index.manifestsMatching(Platform.parse("linux/amd64")))
        .containsExactly(index.manifests().get(0));
  }

  @Test
  void anIndexOfOnlyAttestationsOffersNoPlatform() {
    Descriptor image = child("linux/amd64", "a");
    ImageIndex index =
        ImageIndex.of(
            MediaType.OCI_INDEX, "{}".getBytes(UTF_8), List.of(attestationOf(image, "x")));

    assertThat(index.images()).isEmpty();
    assertThat(index.platforms()).isEmpty();
    assertThat(index.attestations()).hasSize(1);
  }
}
