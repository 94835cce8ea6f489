package dev.registryclient.oci.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.manifest.Schema1Manifest;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.testing.KitClients;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.PushedIndex;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ManifestFetchRoundTripTest {
  private TestRegistry registry;
  private Transport transport;
  private ManifestFetcher fetcher;

  @BeforeEach
  void start() {
    registry = TestRegistry.builder().start();
    transport = KitClients.anonymous();
    fetcher = ManifestFetcher.create(transport, KitClients.endpoints(registry));
  }

  @AfterEach
  void stop() {
    transport.close();
    registry.close();
  }

  @Test
  void ociManifestRoundTripsByteExactByTagAndDigest() {
    PushedImage pushed = registry.image("team/app").oci().layer(100).push("v1");

    assertRoundTrip(pushed.repository(), pushed, MediaType.OCI_MANIFEST, ImageManifest.class);
  }

  @Test
  void dockerSchema2ManifestRoundTripsByteExactByTagAndDigest() {
    PushedImage pushed = registry.image("team/app").docker().layer(100).push("v1");

    assertRoundTrip(pushed.repository(), pushed, MediaType.DOCKER_MANIFEST, ImageManifest.class);
  }

  @Test
  void ociIndexRoundTripsByteExactByTagAndDigest() {
    PushedIndex pushed =
        registry
            .index("team/multi")
            .add(registry.image("team/multi").platform("linux", "amd64").layer(64))
            .add(registry.image("team/multi").platform("linux", "arm64").layer(64))
            .push("v1");

    Manifest byTag = fetcher.fetch("team/multi", "v1");
    Manifest byDigest = fetcher.fetch("team/multi", pushed.digest().toString());

    for (Manifest m : List.of(byTag, byDigest)) {
      assertThat(m).isInstanceOf(ImageIndex.class);
      assertThat(m.mediaType()).isEqualTo(MediaType.OCI_INDEX);
      assertThat(m.raw()).isEqualTo(pushed.manifest());
      assertThat(m.digest()).isEqualTo(pushed.digest()).isEqualTo(Digest.sha256(m.raw()));
      assertThat(((ImageIndex) m).manifests()).hasSize(2);
    }
  }

  @Test
  void dockerManifestListRoundTripsByteExact() {
    PushedIndex pushed =
        registry
            .index("team/multi")
            .add(registry.image("team/multi").platform("linux", "amd64").layer(64))
            .dockerManifestList()
            .push("list");

    Manifest m = fetcher.fetch("team/multi", "list");

    assertThat(m.mediaType()).isEqualTo(MediaType.DOCKER_MANIFEST_LIST);
    assertThat(m.raw()).isEqualTo(pushed.manifest());
    assertThat(m.digest()).isEqualTo(pushed.digest());
  }

  @Test
  void signedSchema1HasTheRegistrysDigestAndVerifiedSignatures() {
    PushedImage pushed = registry.image("team/old").layer(100).layer(50).pushSchema1("legacy");

    Manifest byTag = fetcher.fetch("team/old", "legacy");
    Manifest byDigest = fetcher.fetch("team/old", pushed.digest().toString());

    for (Manifest m : List.of(byTag, byDigest)) {
      Schema1Manifest schema1 = (Schema1Manifest) m;
      assertThat(schema1.raw()).isEqualTo(pushed.manifest());
      // pushed.digest() is what the kit sends as Docker-Content-Digest
      assertThat(schema1.digest()).isEqualTo(pushed.digest());
      // the registry's digest is over the payload, not over the signed bytes served
      assertThat(schema1.digest()).isNotEqualTo(Digest.sha256(schema1.raw()));
      assertThat(schema1.signaturesVerified()).isTrue();
      assertThat(schema1.layers()).containsExactlyElementsOf(layerDigests(pushed));
    }
  }

  @Test
  void oneTagServedAsSchema1AndSchema2HasTwoDigestsChosenByAccept() {
    PushedImage legacy = registry.image("team/both").layer(100).pushSchema1("v1");
    PushedImage modern = registry.image("team/both").docker().layer(100).push("v1");
    List<MediaType> schema1 =
        List.of(MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST, MediaType.DOCKER_SCHEMA1_MANIFEST);

    Manifest preferred = fetcher.fetch("team/both", "v1");
    Manifest old = fetcher.fetch("team/both", "v1", schema1);

    assertThat(preferred.digest()).isEqualTo(modern.digest());
    assertThat(old.digest()).isEqualTo(legacy.digest());
    assertThat(fetcher.resolve("team/both", "v1", schema1).digest()).isEqualTo(legacy.digest());
    assertThat(preferred.digest()).isNotEqualTo(old.digest());
  }

  @Test
  void requestsAskForEveryReadableTypeUnlessNarrowed() {
    registry.image("team/app").layer(10).push("v1");

    fetcher.fetch("team/app", "v1");
    fetcher.fetch("team/app", "v1", List.of(MediaType.DOCKER_MANIFEST));

    List<RecordedRequest> gets = registry.journal().matching("GET", "/v2/team/app/manifests/v1");
    assertThat(gets.get(0).header("Accept")).contains(ManifestCodec.ACCEPT);
    assertThat(gets.get(1).header("Accept")).contains(MediaType.DOCKER_MANIFEST.toString());
  }

  private void assertRoundTrip(
      String repository, PushedImage pushed, MediaType type, Class<?> modelType) {
    Manifest byTag = fetcher.fetch(repository, pushed.tag());
    Manifest byDigest = fetcher.fetch(repository, pushed.digest().toString());

    for (Manifest m : List.of(byTag, byDigest)) {
      assertThat(m).isInstanceOf(modelType);
      assertThat(m.mediaType()).isEqualTo(type);
      assertThat(m.raw()).isEqualTo(pushed.manifest());
      assertThat(m.digest()).isEqualTo(pushed.digest()).isEqualTo(Digest.sha256(pushed.manifest()));
      ImageManifest image = (ImageManifest) m;
      assertThat(image.config().digest()).isEqualTo(pushed.config().digest());
      assertThat(image.layers()).extracting(d -> d.digest()).isEqualTo(layerDigests(pushed));
    }
  }

  private static List<Digest> layerDigests(PushedImage pushed) {
    return pushed.layers().stream().map(l -> l.digest()).toList();
  }
}
