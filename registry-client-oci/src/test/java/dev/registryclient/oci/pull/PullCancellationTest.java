package dev.registryclient.oci.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PullTarget;
import dev.registryclient.api.exception.CancelledException;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.core.store.MemoryBlobStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PullCancellationTest extends EngineFixture {

  @Test
  void oneMissingBlobFailsThePullAndStopsTheTransfersStillRunning() {
    images.randomImage("1.0", 4, 1000);
    List<Digest> layers = layerDigests();
    CountDownLatch hanging = new CountDownLatch(2);
    source.faults.put(layers.get(0), b -> FakeSource.hanging(hanging));
    source.faults.put(layers.get(1), b -> FakeSource.hanging(hanging));
    source.blobs.remove(layers.get(2));
    MemoryBlobStore store = memoryStore();

    assertThatThrownBy(() -> pull("1.0", PullOptions.into(PullTarget.of(store)).withParallelism(4)))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((NotFoundException) e).phase()).isEqualTo(Phase.BLOB))
        .hasMessageContaining(layers.get(2).toString());
    assertThat(store.exists(layers.get(0))).isFalse();
    assertThat(store.exists(layers.get(1))).isFalse();
  }

  @Test
  void interruptingThePullingThreadStopsEveryTransferAndLeavesNoPartialBlob() throws Exception {
    images.randomImage("1.0", 3, 200_000);
    List<Digest> layers = layerDigests();
    CountDownLatch reading = new CountDownLatch(3);
    layers.forEach(d -> source.faults.put(d, b -> FakeSource.hanging(reading)));
    MemoryBlobStore store = memoryStore();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicReference<Boolean> flagKept = new AtomicReference<>();

    Thread puller =
        new Thread(
            () -> {
              try {
                pull("1.0", store);
              } catch (RuntimeException e) {
                failure.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
              }
            });
    puller.start();
    assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
    puller.interrupt();
    puller.join(10_000);

    assertThat(puller.isAlive()).isFalse();
    assertThat(failure.get())
        .isInstanceOf(CancelledException.class)
        .hasMessageContaining("interrupted");
    assertThat(flagKept.get()).isTrue();
    layers.forEach(d -> assertThat(store.exists(d)).isFalse());

    source.faults.clear();
    PullResult next = pull("1.0", store);
    assertThat(next.blobs()).hasSize(4);
    layers.forEach(d -> assertThat(store.exists(d)).isTrue());
  }

  @Test
  void aPassedDeadlineStopsTheTransfers() {
    images.randomImage("1.0", 2, 1000);
    CountDownLatch reading = new CountDownLatch(1);
    layerDigests().forEach(d -> source.faults.put(d, b -> FakeSource.hanging(reading)));
    MemoryBlobStore store = memoryStore();

    assertThatThrownBy(
            () ->
                pull(
                    "1.0",
                    PullOptions.into(PullTarget.of(store)).withDeadline(Duration.ofMillis(300))))
        .isInstanceOf(CancelledException.class)
        .hasMessageMatching(".*: deadline of PT0\\.3S passed after \\d+\\.\\d\\d s");
    layerDigests().forEach(d -> assertThat(store.exists(d)).isFalse());
  }

  @Test
  void cancellingTheScopeFromAnotherThreadEndsThePull() throws Exception {
    images.randomImage("1.0", 2, 1000);
    CountDownLatch reading = new CountDownLatch(1);
    layerDigests().forEach(d -> source.faults.put(d, b -> FakeSource.hanging(reading)));
    TransferScope scope = new TransferScope(FakeSource.context(Phase.BLOB));
    Future<PullResult> running =
        workers.submit(
            () ->
                engine.pull(
                    ImageReference.parse("registry.example/ns/app:1.0"),
                    source,
                    PullOptions.into(PullTarget.of(memoryStore())),
                    scope));
    assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

    scope.cancel("cancelled");

    assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(CancelledException.class);
  }

  @Test
  void twoPullsOfTheSameImageIntoOneStoreFetchEachBlobOnce() throws Exception {
    images.randomImage("1.0", 3, 50_000);
    MemoryBlobStore store = memoryStore();
    Future<PullResult> a = workers.submit(() -> pull("1.0", store));
    Future<PullResult> b = workers.submit(() -> pull("1.0", store));

    a.get(10, TimeUnit.SECONDS);
    b.get(10, TimeUnit.SECONDS);

    assertThat(source.blobRequests).doesNotHaveDuplicates().hasSize(4);
  }

  private List<Digest> layerDigests() {
    var manifest =
        (dev.registryclient.api.manifest.ImageManifest) source.manifest("1.0").manifest();
    source.manifestRequests.clear();
    return manifest.layers().stream().map(dev.registryclient.api.Descriptor::digest).toList();
  }
}
