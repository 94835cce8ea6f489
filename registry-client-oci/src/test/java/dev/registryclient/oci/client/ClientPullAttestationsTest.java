package dev.registryclient.oci.client;

import static dev.registryclient.oci.client.ClientPullTest.digests;
import static dev.registryclient.oci.client.ClientPullTest.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.Platform;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.core.store.FileBlobStore;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.oci.manifest.ManifestCodec;
import dev.registryclient.oci.platform.NoMatchingPlatformException;
import dev.registryclient.testkit.PushedAttestation;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.PushedIndex;
import dev.registryclient.testkit.TestRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulling an index that holds BuildKit attestation manifests next to its images. */
class ClientPullAttestationsTest {
  private static final Platform UNKNOWN = Platform.of("unknown", "unknown");

  @TempDir Path dir;
  private final TestRegistry registry = TestRegistry.builder().start();
  private final RegistryClient client = RegistryClient.builder().build();
  private PushedIndex index;

  @BeforeEach
  void push() {
    index =
        registry
            .index("team/attested")
            .add(registry.image("team/attested").oci().platform("linux", "amd64").layer(1000))
            .add(registry.image("team/attested").oci().platform("linux", "arm64").layer(2000))
            .withAttestations()
            .push("1.0");
  }

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  @Test
  void allPlatformsKeepsTheAttestationsAndTheirBlobsInTheLayout() {
    OciLayout layout = OciLayout.at(dir);

    PullResult result = client.pull(index.reference()).allPlatforms().into(layout).execute();

    assertThat(result.manifest().digest()).isEqualTo(index.digest());
    assertThat(result.platform()).isEmpty();
    assertThat(layout.reader().resolve("1.0").orElseThrow().digest()).isEqualTo(index.digest());
    for (PushedImage image : index.images()) {
      assertThat(stored(layout.blobs())).containsAll(digests(image)).contains(image.digest());
    }
    for (PushedAttestation attestation : index.attestations()) {
      assertThat(stored(layout.blobs()))
          .containsAll(digests(attestation.manifest()))
          .contains(attestation.digest());
    }
    // the stored index is the one served, so every attestation it names is in the layout
    ImageIndex stored = readIndex(layout);
    assertThat(stored.attestations())
        .extracting(Descriptor::digest)
        .containsExactlyElementsOf(
            index.attestations().stream().map(PushedAttestation::digest).toList());
  }

  @Test
  void allPlatformsFetchesTheImagesBeforeTheAttestations() {
    PullResult result =
        client.pull(index.reference()).allPlatforms().into(FileBlobStore.open(dir)).execute();

    PushedImage lastImage = index.image("linux", "arm64");
    PushedImage firstAttestation = index.attestations().get(0).manifest();
    List<Digest> order = result.blobs().stream().map(PulledBlob::digest).toList();
    // configs come before layers; within each, the attestations' come after the images'
    assertThat(order.indexOf(lastImage.config().digest()))
        .isLessThan(order.indexOf(firstAttestation.config().digest()));
    assertThat(order.indexOf(lastImage.layers().get(0).digest()))
        .isLessThan(order.indexOf(firstAttestation.layers().get(0).digest()));
  }

  @Test
  void aPlatformPullTakesTheImageAndLeavesTheAttestationsAlone() {
    BlobStore store = FileBlobStore.open(dir);

    PullResult result =
        client
            .pull(index.reference())
            .platform(Platform.parse("linux/arm64"))
            .into(store)
            .execute();

    PushedImage arm = index.image("linux", "arm64");
    assertThat(result.manifest().digest()).isEqualTo(arm.digest());
    assertThat(result.platform()).contains(Platform.parse("linux/arm64"));
    PushedAttestation attestation = index.attestation("linux", "arm64");
    assertThat(stored(store))
        .doesNotContain(attestation.digest())
        .doesNotContainAnyElementsOf(digests(attestation.manifest()));
  }

  @Test
  void unknownUnknownIsNotAPlatformToPull() {
    assertThatThrownBy(
            () ->
                client
                    .pull(index.reference())
                    .platform(UNKNOWN)
                    .into(FileBlobStore.open(dir))
                    .execute())
        .isInstanceOfSatisfying(
            NoMatchingPlatformException.class,
            e ->
                assertThat(e.available())
                    .containsExactly(Platform.parse("linux/amd64"), Platform.parse("linux/arm64")))
        .hasMessageContaining("available: linux/amd64, linux/arm64");
  }

  @Test
  void theConfigOfUnknownUnknownIsNotAnAttestationsConfig() {
    ImageReference reference = ImageReference.parse(index.reference());

    assertThatThrownBy(() -> client.config(reference, UNKNOWN))
        .isInstanceOf(NoMatchingPlatformException.class);
  }

  private ImageIndex readIndex(OciLayout layout) {
    Descriptor tagged = layout.reader().resolve("1.0").orElseThrow();
    byte[] raw = layout.reader().readManifest(tagged);
    return (ImageIndex)
        ManifestCodec.defaults()
            .decode(
                raw, Optional.of(tagged.mediaType().toString()), ErrorContext.of(Phase.MANIFEST));
  }
}
