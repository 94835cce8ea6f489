package dev.registryclient.oci.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.oci.testing.RealWorld;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OciIndexConversionTest {
  private final ImageIndex alpine =
      DockerManifests.list(
          RealWorld.bytes("manifests/dockerhub-alpine-latest-2020-08-20.manifest-list.json"));

  @Test
  void aManifestListBecomesAnIndexOfTheConvertedChildrenWithTheirPlatforms() {
    Map<Digest, Descriptor> converted = new HashMap<>();
    alpine.manifests().forEach(m -> converted.put(m.digest(), ociFormOf(m)));

    ImageIndex oci = OciConversion.index(alpine, converted);

    assertThat(oci.mediaType()).isEqualTo(MediaType.OCI_INDEX);
    assertThat(oci.digest()).isEqualTo(Digest.sha256(oci.raw()));
    assertThat(oci.manifests()).hasSameSizeAs(alpine.manifests());
    for (int i = 0; i < oci.manifests().size(); i++) {
      Descriptor entry = oci.manifests().get(i);
      Descriptor source = alpine.manifests().get(i);
      Descriptor target = converted.get(source.digest());
      assertThat(entry.mediaType()).isEqualTo(MediaType.OCI_MANIFEST);
      assertThat(entry.digest()).isEqualTo(target.digest());
      assertThat(entry.size()).isEqualTo(target.size());
      assertThat(entry.platform()).isEqualTo(source.platform());
    }
    assertThat(oci.manifests().get(1).platform()).contains(Platform.parse("linux/arm/v6"));
  }

  @Test
  void theIndexBytesReadBackAsTheSameIndex() {
    Map<Digest, Descriptor> converted = new HashMap<>();
    alpine.manifests().forEach(m -> converted.put(m.digest(), ociFormOf(m)));
    ImageIndex oci = OciConversion.index(alpine, converted);

    Manifest reread =
        DockerManifests.decode(
            new String(oci.raw(), StandardCharsets.UTF_8), MediaType.OCI_INDEX.toString());

    assertThat(reread).isEqualTo(oci);
    assertThat(OciConversion.index(alpine, converted).raw()).isEqualTo(oci.raw());
  }

  @Test
  void entriesWithoutAConvertedFormStayAsTheyAre() {
    Descriptor first = alpine.manifests().get(0);

    ImageIndex oci = OciConversion.index(alpine, Map.of(first.digest(), ociFormOf(first)));

    assertThat(oci.manifests().get(0).mediaType()).isEqualTo(MediaType.OCI_MANIFEST);
    assertThat(oci.manifests().subList(1, oci.manifests().size()))
        .isEqualTo(alpine.manifests().subList(1, alpine.manifests().size()));
  }

  @Test
  void anOciIndexIsReturnedAsItIs() {
    ImageIndex oci = OciConversion.index(alpine, Map.of());

    assertThat(OciConversion.index(oci, Map.of())).isSameAs(oci);
    assertThat(List.of(oci.mediaType())).containsExactly(MediaType.OCI_INDEX);
  }

  private static Descriptor ociFormOf(Descriptor docker) {
    return Descriptor.of(
        MediaType.OCI_MANIFEST,
        DockerManifests.digest("oci form of " + docker.digest()),
        docker.size() + 7);
  }
}
