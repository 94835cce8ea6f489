package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.core.store.FileBlobStore;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.oci.layout.OciLayoutReader;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.PushedIndex;
import dev.registryclient.testkit.TestRegistry;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientPullTest {
  @TempDir Path dir;
  private final TestRegistry registry = TestRegistry.builder().start();
  private final RegistryClient client = RegistryClient.builder().build();

  @AfterEach
  void stop() {
    client.close();
    registry.close();
  }

  @Test
  void aSinglePlatformImageLandsInAnOciLayoutUnderItsTag() {
    PushedImage image = registry.image("team/app").oci().layer(20_000).layer(30_000).push("1.0");
    OciLayout layout = OciLayout.at(dir);

    PullResult result = client.pull(image.reference()).into(layout).execute();

    assertThat(result.manifest().digest()).isEqualTo(image.digest());
    assertThat(result.manifest().mediaType()).isEqualTo(MediaType.OCI_MANIFEST);
    assertThat(result.platform()).contains(Platform.parse("linux/amd64"));
    assertThat(result.blobs())
        .extracting(PulledBlob::digest)
        .containsExactlyElementsOf(digests(image));
    OciLayoutReader reader = layout.reader();
    assertThat(reader.resolve("1.0").orElseThrow().digest()).isEqualTo(image.digest());
    assertThat(layout.blobs().exists(image.config().digest())).isTrue();
  }

  @Test
  void anIndexYieldsTheImageOfTheChosenPlatform() {
    PushedIndex index =
        registry
            .index("team/multi")
            .oci()
            .add(registry.image("team/multi").oci().platform("linux", "amd64").layer(1000))
            .add(registry.image("team/multi").oci().platform("linux", "arm64").layer(2000))
            .push("1.0");
    PushedImage arm = index.image("linux", "arm64");
    BlobStore store = FileBlobStore.open(dir);

    PullResult result =
        client
            .pull(index.reference())
            .platform(Platform.parse("linux/arm64"))
            .into(store)
            .execute();

    assertThat(result.manifest().digest()).isEqualTo(arm.digest());
    assertThat(result.platform()).contains(Platform.parse("linux/arm64"));
    assertThat(stored(store)).containsAll(digests(arm)).contains(arm.digest());
    assertThat(stored(store))
        .doesNotContain(index.image("linux", "amd64").layers().get(0).digest());
  }

  @Test
  void aDockerManifestListWorksLikeAnIndex() {
    PushedIndex list =
        registry
            .index("team/docker")
            .dockerManifestList()
            .add(registry.image("team/docker").docker().platform("linux", "amd64").layer(1000))
            .add(registry.image("team/docker").docker().platform("linux", "arm64").layer(2000))
            .push("1.0");

    PullResult result =
        client
            .pull(list.reference())
            .platform(Platform.parse("linux/amd64"))
            .into(FileBlobStore.open(dir))
            .execute();

    assertThat(result.manifest().digest()).isEqualTo(list.image("linux", "amd64").digest());
    assertThat(result.manifest().mediaType()).isEqualTo(MediaType.DOCKER_MANIFEST);
    assertThat(result.storedManifest()).isEqualTo(result.manifest());
  }

  @Test
  void allPlatformsStoresTheIndexAndEveryImage() {
    PushedIndex index =
        registry
            .index("team/all")
            .oci()
            .add(registry.image("team/all").oci().platform("linux", "amd64").layer(1000))
            .add(registry.image("team/all").oci().platform("linux", "arm64").layer(2000))
            .push("1.0");
    OciLayout layout = OciLayout.at(dir);

    PullResult result = client.pull(index.reference()).allPlatforms().into(layout).execute();

    assertThat(result.manifest().digest()).isEqualTo(index.digest());
    assertThat(layout.reader().resolve("1.0").orElseThrow().digest()).isEqualTo(index.digest());
    for (PushedImage image : index.images()) {
      assertThat(stored(layout.blobs())).containsAll(digests(image)).contains(image.digest());
    }
  }

  @Test
  void aSchema1ImageIsPulledWithLayerSizesFromTheResponses() {
    PushedImage image = registry.image("team/old").layer(3000).layer(4000).pushSchema1("old");
    BlobStore store = FileBlobStore.open(dir);

    PullResult result = client.pull(image.reference()).into(store).execute();

    assertThat(result.manifest().digest()).isEqualTo(image.digest());
    assertThat(result.manifest().mediaType().isSchema1()).isTrue();
    // the registry names it by its JWS payload; the store holds the signed bytes under theirs
    Digest ofBytes = Digest.sha256(image.manifest());
    assertThat(ofBytes).isNotEqualTo(image.digest());
    assertThat(result.storedManifest().digest()).isEqualTo(ofBytes);
    assertThat(result.storedManifest().size()).isEqualTo(image.manifest().length);
    assertThat(store.exists(result.storedManifest().digest())).isTrue();
    for (PushedBlob layer : image.layers()) {
      assertThat(store.size(layer.digest())).hasValue(layer.size());
    }
  }

  @Test
  void aDockerImageIsTaggedInALayoutInItsOciFormWhileTheResultNamesTheRegistryDigest() {
    PushedImage image = registry.image("team/dock").docker().layer(1000).push("1.0");
    OciLayout layout = OciLayout.at(dir);

    PullResult result = client.pull(image.reference()).into(layout).execute();

    assertThat(result.manifest().digest()).isEqualTo(image.digest());
    assertThat(result.manifest().mediaType()).isEqualTo(MediaType.DOCKER_MANIFEST);
    var tagged = layout.reader().resolve("1.0").orElseThrow();
    assertThat(tagged.mediaType()).isEqualTo(MediaType.OCI_MANIFEST);
    assertThat(stored(layout.blobs()))
        .containsAll(digests(image))
        .contains(image.digest(), tagged.digest());
  }

  @Test
  void aDockerListPulledWithAllPlatformsIsTaggedAsAnOciIndex() {
    PushedIndex list =
        registry
            .index("team/dlist")
            .dockerManifestList()
            .add(registry.image("team/dlist").docker().platform("linux", "amd64").layer(1000))
            .add(registry.image("team/dlist").docker().platform("linux", "arm64").layer(2000))
            .push("1.0");
    OciLayout layout = OciLayout.at(dir);

    PullResult result = client.pull(list.reference()).allPlatforms().into(layout).execute();

    assertThat(result.manifest().digest()).isEqualTo(list.digest());
    assertThat(layout.reader().resolve("1.0").orElseThrow().mediaType())
        .isEqualTo(MediaType.OCI_INDEX);
  }

  @Test
  void aDockerImageIsStoredAsServedInAPlainStore() {
    PushedImage image = registry.image("team/plain").docker().layer(1000).push("1.0");
    BlobStore store = FileBlobStore.open(dir);

    client.pull(image.reference()).into(store).execute();

    Set<Digest> expected = digests(image);
    expected.add(image.digest());
    assertThat(stored(store)).isEqualTo(expected);
  }

  static Set<Digest> digests(PushedImage image) {
    Set<Digest> all = new java.util.LinkedHashSet<>();
    all.add(image.config().digest());
    image.layers().forEach(l -> all.add(l.digest()));
    return all;
  }

  static Set<Digest> stored(BlobStore store) {
    try (var s = store.list()) {
      return s.collect(Collectors.toSet());
    }
  }
}
