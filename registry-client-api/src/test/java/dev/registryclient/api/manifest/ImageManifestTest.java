package dev.registryclient.api.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageManifestTest {
  private static final byte[] RAW = "{\"schemaVersion\":2}".getBytes(UTF_8);
  private static final Descriptor CONFIG =
      Descriptor.of(MediaType.OCI_CONFIG, Digest.sha256("config".getBytes(UTF_8)), 6);
  private static final Descriptor LAYER =
      Descriptor.of(MediaType.OCI_LAYER_TAR_GZIP, Digest.sha256("layer".getBytes(UTF_8)), 5);

  private static ImageManifest manifest(byte[] raw) {
    return ImageManifest.of(MediaType.OCI_MANIFEST, raw, CONFIG, List.of(LAYER));
  }

  @Test
  void isAddressedByTheDigestOfItsBytes() {
    ImageManifest m = manifest(RAW);

    assertThat(m.digest()).isEqualTo(Digest.sha256(RAW));
    assertThat(m.size()).isEqualTo(RAW.length);
    assertThat(m.schemaVersion()).isEqualTo(2);
    assertThat(m.descriptor()).isEqualTo(Descriptor.of(MediaType.OCI_MANIFEST, m.digest(), 19));
  }

  @Test
  void rejectsADigestThatIsNotTheDigestOfItsBytes() {
    Digest other = Digest.sha256("something else".getBytes(UTF_8));

    assertThatThrownBy(
            () ->
                new ImageManifest(
                    MediaType.OCI_MANIFEST,
                    other,
                    RAW,
                    CONFIG,
                    List.of(),
                    Map.of(),
                    Optional.empty(),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(other.toString())
        .hasMessageContaining(Digest.sha256(RAW).toString());
  }

  @Test
  void acceptsASha512DigestOfItsBytes() {
    Digest sha512 = Digest.compute(Digest.Algorithm.SHA512, RAW);

    ImageManifest m =
        new ImageManifest(
            MediaType.DOCKER_MANIFEST,
            sha512,
            RAW,
            CONFIG,
            List.of(),
            Map.of(),
            Optional.empty(),
            Optional.empty());

    assertThat(m.digest()).isEqualTo(sha512);
  }

  @Test
  void copiesItsBytesInAndOut() {
    byte[] raw = RAW.clone();
    ImageManifest m = manifest(raw);
    raw[0] = 'X';
    m.raw()[1] = 'Y';

    assertThat(m.raw()).isEqualTo(RAW);
  }

  @Test
  void keepsUnmodifiableCopiesOfItsCollections() {
    List<Descriptor> layers = new ArrayList<>(List.of(LAYER));
    ImageManifest m = ImageManifest.of(MediaType.OCI_MANIFEST, RAW, CONFIG, layers);
    layers.add(CONFIG);

    assertThat(m.layers()).containsExactly(LAYER);
    assertThatThrownBy(() -> m.layers().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void acceptsOnlyImageManifestMediaTypes() {
    assertThat(
            ImageManifest.of(
                    MediaType.parse(MediaType.OCI_MANIFEST + "; charset=utf-8"),
                    RAW,
                    CONFIG,
                    List.of())
                .descriptor()
                .mediaType())
        .isSameAs(MediaType.OCI_MANIFEST);
    assertThatThrownBy(() -> ImageManifest.of(MediaType.OCI_INDEX, RAW, CONFIG, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(MediaType.OCI_INDEX.toString());
  }

  @Test
  void equalsComparesContentNotArrayIdentity() {
    ImageManifest a = manifest(RAW.clone());
    ImageManifest b = manifest(RAW.clone());

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(manifest("{}".getBytes(UTF_8)));
    assertThat(a)
        .isNotEqualTo(ImageManifest.of(MediaType.OCI_MANIFEST, RAW, CONFIG, List.of(LAYER, LAYER)));
  }

  @Test
  void toStringSummarisesWithoutDumpingTheBytes() {
    assertThat(manifest(RAW).toString())
        .contains(Digest.sha256(RAW).toString())
        .contains("1 layers")
        .doesNotContain("schemaVersion");
  }
}
