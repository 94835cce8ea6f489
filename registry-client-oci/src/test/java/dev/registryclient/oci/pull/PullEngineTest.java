package dev.registryclient.oci.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PullTarget;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.core.store.MemoryBlobStore;
import dev.registryclient.oci.platform.NoMatchingPlatformException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PullEngineTest extends EngineFixture {

  @Test
  void aSingleImageEndsUpInTheStoreWithItsManifestAndReportsEveryBlob() {
    Digest manifest = images.randomImage("1.0", 3, 10_000);
    MemoryBlobStore store = memoryStore();

    PullResult result = pull("1.0", store);

    assertThat(result.manifest().digest()).isEqualTo(manifest);
    assertThat(result.manifest().mediaType()).isEqualTo(MediaType.OCI_MANIFEST);
    assertThat(result.platform()).contains(Platform.parse("linux/amd64"));
    assertThat(result.blobs()).hasSize(4).allMatch(PulledBlob::downloaded);
    assertThat(result.blobs()).allSatisfy(b -> assertThat(b.host()).contains("registry.example"));
    assertThat(digests(store)).containsAll(source.blobs.keySet()).contains(manifest);
    assertThat(result.bytesDownloaded()).isEqualTo(result.totalBytes());
  }

  @Test
  void theIndexEntryForTheWantedPlatformIsPulledAndOnlyItsBlobs() {
    Digest amd = images.randomImage(null, 2, 1000);
    Digest arm = images.image(null, "linux", "arm64", List.of(images.randomBytes(700)));
    Digest index = images.index("multi", List.of("linux/amd64", "linux/arm64"), List.of(amd, arm));
    MemoryBlobStore store = memoryStore();
    List<Descriptor> recorded = new ArrayList<>();
    PullTarget target = recordingTarget(store, recorded);

    PullResult result =
        pull("multi", PullOptions.into(target).withPlatform(Platform.parse("linux/arm64")));

    assertThat(result.manifest().digest()).isEqualTo(arm);
    assertThat(result.platform()).contains(Platform.parse("linux/arm64"));
    assertThat(result.blobs()).hasSize(2);
    assertThat(digests(store)).contains(arm).doesNotContain(amd, index);
    assertThat(recorded).singleElement().satisfies(d -> assertThat(d.digest()).isEqualTo(arm));
    assertThat(recorded.get(0).platform()).contains(Platform.parse("linux/arm64"));
  }

  @Test
  void aMissingChildOfAnIndexIsNamedWithTheIndexAndPlatform() {
    Digest amd = images.randomImage(null, 1, 100);
    Digest arm = images.image(null, "linux", "arm64", List.of(images.randomBytes(70)));
    images.index("multi", List.of("linux/amd64", "linux/arm64"), List.of(amd, arm));
    source.manifests.remove(arm.toString());

    assertThatThrownBy(
            () ->
                pull(
                    "multi",
                    PullOptions.into(PullTarget.of(memoryStore()))
                        .withPlatform(Platform.parse("linux/arm64"))))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e ->
                assertThat(e.detail())
                    .startsWith(
                        "manifest registry.example/ns/app@"
                            + arm
                            + " (child of registry.example/ns/app:multi for linux/arm64) not"
                            + " found"));
  }

  @Test
  void allPlatformsStoresEveryImageAndTheIndexLast() {
    Digest amd = images.randomImage(null, 2, 1000);
    Digest arm = images.image(null, "linux", "arm64", List.of(images.randomBytes(700)));
    Digest index = images.index("multi", List.of("linux/amd64", "linux/arm64"), List.of(amd, arm));
    MemoryBlobStore store = memoryStore();

    PullResult result = pull("multi", PullOptions.into(PullTarget.of(store)).withAllPlatforms());

    assertThat(result.manifest().digest()).isEqualTo(index);
    assertThat(result.platform()).isEmpty();
    assertThat(result.blobs()).hasSize(5);
    assertThat(digests(store)).contains(amd, arm, index).containsAll(source.blobs.keySet());
  }

  @Test
  void aPlatformTheIndexDoesNotHaveFailsBeforeAnyBlobIsRequested() {
    Digest amd = images.randomImage(null, 1, 100);
    images.index("multi", List.of("linux/amd64"), List.of(amd));

    assertThatThrownBy(
            () ->
                pull(
                    "multi",
                    PullOptions.into(PullTarget.of(memoryStore()))
                        .withPlatform(Platform.parse("linux/s390x"))))
        .isInstanceOf(NoMatchingPlatformException.class)
        .hasMessageContaining("s390x");
    assertThat(source.blobRequests).isEmpty();
  }

  @Test
  void aSinglePlatformImageForAnotherPlatformFailsAfterItsConfigBeforeItsLayers() {
    images.randomImage("amd", 2, 100);

    assertThatThrownBy(
            () ->
                pull(
                    "amd",
                    PullOptions.into(PullTarget.of(memoryStore()))
                        .withPlatform(Platform.parse("linux/arm64"))))
        .isInstanceOf(NoMatchingPlatformException.class);
    assertThat(source.blobRequests).hasSize(1);
  }

  @Test
  void aLayerRepeatedInTheManifestIsFetchedOnce() {
    byte[] same = images.randomBytes(5000);
    images.image("dup", "linux", "amd64", List.of(same, images.randomBytes(10), same));

    PullResult result = pull("dup", memoryStore());

    assertThat(result.blobs()).hasSize(3);
    assertThat(source.blobRequests).doesNotHaveDuplicates().hasSize(3);
  }

  @Test
  void aWarmRepullRequestsNoBlobAndReportsThemAsSkipped() {
    images.randomImage("1.0", 4, 2000);
    MemoryBlobStore store = memoryStore();
    pull("1.0", store);
    source.blobRequests.clear();

    PullResult again = pull("1.0", store);

    assertThat(source.blobRequests).isEmpty();
    assertThat(again.blobs()).hasSize(5).noneMatch(PulledBlob::downloaded);
    assertThat(again.bytesDownloaded()).isZero();
    assertThat(again.platform()).contains(Platform.parse("linux/amd64"));
  }

  @Test
  void parallelismOneAndEightFillIdenticalStores() {
    images.randomImage("8", 8, 70_000);
    MemoryBlobStore serial = memoryStore();
    MemoryBlobStore parallel = memoryStore();

    pull("8", PullOptions.into(PullTarget.of(serial)).withParallelism(1));
    pull("8", PullOptions.into(PullTarget.of(parallel)).withParallelism(8));

    assertThat(digests(parallel)).isEqualTo(digests(serial)).hasSize(10);
    for (Digest d : digests(serial)) {
      assertThat(bytes(parallel, d)).isEqualTo(bytes(serial, d));
    }
  }

  @Test
  void theTargetHearsAboutTheImageWithTheReferenceItWasPulledBy() {
    Digest manifest = images.randomImage("1.0", 1, 10);
    List<Descriptor> recorded = new ArrayList<>();

    pull("1.0", PullOptions.into(recordingTarget(memoryStore(), recorded)));

    assertThat(recorded).singleElement().satisfies(d -> assertThat(d.digest()).isEqualTo(manifest));
  }

  @Test
  void aMissingTagIsReportedAsNotFound() {
    assertThatThrownBy(() -> pull("absent", memoryStore()))
        .isInstanceOf(dev.registryclient.api.exception.NotFoundException.class)
        .hasMessageContaining("absent");
  }

  static PullTarget recordingTarget(BlobStore store, List<Descriptor> recorded) {
    return new PullTarget() {
      @Override
      public BlobStore blobs() {
        return store;
      }

      @Override
      public void pulled(ImageReference reference, Descriptor manifest) {
        assertThat(reference.tag()).isPresent();
        recorded.add(manifest);
      }
    };
  }

  static Set<Digest> digests(BlobStore store) {
    try (var s = store.list()) {
      return s.collect(Collectors.toSet());
    }
  }

  static byte[] bytes(BlobStore store, Digest d) {
    try (var in = store.open(d)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
