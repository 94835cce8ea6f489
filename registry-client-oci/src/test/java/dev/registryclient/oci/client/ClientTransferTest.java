package dev.registryclient.oci.client;

import static dev.registryclient.oci.client.ClientPullTest.digests;
import static dev.registryclient.oci.client.ClientPullTest.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.exception.CancelledException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RegistryServiceException;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.core.store.FileBlobStore;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.ImageBuilder;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientTransferTest {
  @TempDir Path dir;

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static List<RecordedRequest> blobGets(TestRegistry registry) {
    return registry.journal().matching("GET", ".*/blobs/.*");
  }

  @Test
  void eightBlobsWithParallelismOneAndEightGiveIdenticalStores() throws Exception {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      ImageBuilder builder = registry.image("team/eight");
      for (int i = 0; i < 8; i++) {
        builder.layer(100_000 + i);
      }
      PushedImage image = builder.push("1.0");
      FileBlobStore serial = FileBlobStore.open(dir.resolve("serial"));
      FileBlobStore parallel = FileBlobStore.open(dir.resolve("parallel"));

      try (RegistryClient one = RegistryClient.builder().parallelism(1).build();
          RegistryClient eight = RegistryClient.builder().parallelism(8).build()) {
        one.pull(image.reference()).into(serial).execute();
        eight.pull(image.reference()).into(parallel).execute();
      }

      assertThat(stored(parallel)).isEqualTo(stored(serial)).hasSize(10);
      for (Digest d : stored(serial)) {
        assertThat(Files.mismatch(serial.root().resolve(path(d)), parallel.root().resolve(path(d))))
            .isEqualTo(-1);
      }
    }
  }

  private static String path(Digest d) {
    return "blobs/" + d.algorithm().prefix() + "/" + d.hex();
  }

  @Test
  void aLayerTheImageRepeatsIsFetchedOnce() {
    byte[] shared = random(50_000, 7);
    try (TestRegistry registry = TestRegistry.builder().start();
        RegistryClient client = RegistryClient.builder().build()) {
      PushedImage image =
          registry.image("team/dup").layer(shared).layer(1000).layer(shared).push("1.0");

      PullResult result = client.pull(image.reference()).into(FileBlobStore.open(dir)).execute();

      assertThat(result.blobs()).hasSize(3);
      assertThat(blobGets(registry))
          .extracting(RecordedRequest::path)
          .doesNotHaveDuplicates()
          .hasSize(3);
    }
  }

  @Test
  void aWarmRepullMakesNoBlobRequest() {
    try (TestRegistry registry = TestRegistry.builder().start();
        RegistryClient client = RegistryClient.builder().build()) {
      PushedImage image = registry.image("team/warm").layer(10_000).layer(20_000).push("1.0");
      BlobStore store = FileBlobStore.open(dir);
      client.pull(image.reference()).into(store).execute();
      registry.journal().clear();

      PullResult again = client.pull(image.reference()).into(store).execute();

      assertThat(blobGets(registry)).isEmpty();
      assertThat(registry.journal().registry())
          .allSatisfy(r -> assertThat(r.path()).contains("/manifests/"));
      assertThat(again.blobs()).noneMatch(PulledBlob::downloaded);
    }
  }

  @Test
  void anInterruptedPullLeavesNoPartialBlobAndTheNextPullCompletes() throws Exception {
    byte[] layer = random(400_000, 11);
    Digest slow = Digest.sha256(layer);
    try (TestRegistry registry =
            TestRegistry.builder()
                .faults(Fault.slowBody(20_000).on("/blobs/" + slow).times(1))
                .start();
        RegistryClient client = RegistryClient.builder().build()) {
      PushedImage image = registry.image("team/slow").layer(layer).push("1.0");
      FileBlobStore store = FileBlobStore.open(dir);
      CompletableFuture<Throwable> failure = new CompletableFuture<>();
      Thread puller =
          new Thread(
              () -> {
                try {
                  client.pull(image.reference()).into(store).execute();
                  failure.complete(null);
                } catch (RuntimeException e) {
                  failure.complete(e);
                }
              });
      puller.start();
      awaitTransferStarted(registry, slow);
      puller.interrupt();

      assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(CancelledException.class);
      assertThat(store.exists(slow)).isFalse();
      assertThat(stagingFiles(store)).isEmpty();

      PullResult next = client.pull(image.reference()).into(store).execute();
      assertThat(next.blobs()).hasSize(2);
      assertThat(store.exists(slow)).isTrue();
    }
  }

  @Test
  void cancellingTheFutureOfAnAsyncPullStopsIt() throws Exception {
    byte[] layer = random(400_000, 13);
    Digest slow = Digest.sha256(layer);
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.slowBody(20_000).on("/blobs/" + slow)).start();
        RegistryClient client = RegistryClient.builder().build()) {
      PushedImage image = registry.image("team/async").layer(layer).push("1.0");
      FileBlobStore store = FileBlobStore.open(dir);
      CompletableFuture<PullResult> running =
          client.pull(image.reference()).into(store).executeAsync();
      awaitTransferStarted(registry, slow);

      running.cancel(true);

      assertThat(running).isCancelled();
      // the transfer is closed: a fresh client gets the whole (slow) layer only if asked again
      assertThat(store.exists(slow)).isFalse();
    }
  }

  @Test
  void oneFailingBlobCancelsTheOthersAndIsReportedWithHostAndPhase() throws Exception {
    byte[] broken = random(1000, 17);
    byte[] slowA = random(300_000, 19);
    byte[] slowB = random(300_000, 23);
    try (TestRegistry registry =
            TestRegistry.builder()
                .faults(
                    Fault.status(404).on("/blobs/" + Digest.sha256(broken)).always(),
                    Fault.slowBody(10_000).on("/blobs/" + Digest.sha256(slowA)),
                    Fault.slowBody(10_000).on("/blobs/" + Digest.sha256(slowB)))
                .start();
        RegistryClient client = RegistryClient.builder().parallelism(4).build()) {
      PushedImage image =
          registry.image("team/broken").layer(slowA).layer(slowB).layer(broken).push("1.0");
      FileBlobStore store = FileBlobStore.open(dir);

      assertThatThrownBy(() -> client.pull(image.reference()).into(store).execute())
          .isInstanceOf(RegistryServiceException.class)
          .satisfies(
              e -> {
                RegistryServiceException s = (RegistryServiceException) e;
                assertThat(s.statusCode()).isEqualTo(404);
                assertThat(s.phase()).isEqualTo(Phase.BLOB);
                assertThat(s.contactedHost()).contains(registry.hostAndPort());
              });
      assertThat(store.exists(Digest.sha256(slowA))).isFalse();
      assertThat(store.exists(Digest.sha256(slowB))).isFalse();
      assertThat(stagingFiles(store)).isEmpty();
    }
  }

  @Test
  void progressEventsAddUpToTheImageSize() {
    try (TestRegistry registry =
            TestRegistry.builder().cdnRedirects(java.time.Duration.ofMinutes(1)).start();
        RegistryClient client = RegistryClient.builder().build()) {
      PushedImage image = registry.image("team/progress").layer(200_000).layer(300_000).push("1.0");
      List<PullEvent> events = new CopyOnWriteArrayList<>();

      PullResult result =
          client
              .pull(image.reference())
              .into(FileBlobStore.open(dir))
              .onProgress(events::add)
              .execute();

      long progress =
          events.stream()
              .filter(e -> e instanceof PullEvent.BlobProgress)
              .mapToLong(e -> ((PullEvent.BlobProgress) e).delta())
              .sum();
      long expected =
          image.config().size() + image.layers().stream().mapToLong(l -> l.size()).sum();
      assertThat(progress).isEqualTo(result.totalBytes()).isEqualTo(expected);
      assertThat(events).filteredOn(e -> e instanceof PullEvent.Redirected).hasSize(3);
    }
  }

  @Test
  void aBlobRequestTheTransportRetriedIsCountedAndReported() {
    byte[] layer = random(5000, 29);
    Digest flaky = Digest.sha256(layer);
    try (TestRegistry registry =
            TestRegistry.builder()
                .faults(Fault.status(503).on("/blobs/" + flaky).times(1))
                .start();
        RegistryClient client = RegistryClient.builder().build()) {
      PushedImage image = registry.image("team/flaky").layer(layer).push("1.0");
      List<PullEvent> events = new CopyOnWriteArrayList<>();

      PullResult result =
          client
              .pull(image.reference())
              .into(FileBlobStore.open(dir))
              .onProgress(events::add)
              .execute();

      assertThat(result.retries()).isEqualTo(1);
      assertThat(result.blobs())
          .filteredOn(b -> b.digest().equals(flaky))
          .singleElement()
          .satisfies(b -> assertThat(b.retries()).isEqualTo(1));
      assertThat(events)
          .filteredOn(e -> e instanceof PullEvent.Retrying)
          .singleElement()
          .satisfies(e -> assertThat(((PullEvent.Retrying) e).reason()).contains("503"));
    }
  }

  private static List<Path> stagingFiles(FileBlobStore store) throws Exception {
    Path ingest = store.root().resolve("ingest");
    if (!Files.exists(ingest)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(ingest)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.toString().endsWith(".lock"))
          .toList();
    }
  }

  @Test
  void anAsyncPullCompletesWithTheResult()
      throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
    try (TestRegistry registry = TestRegistry.builder().start();
        RegistryClient client = RegistryClient.builder().build()) {
      PushedImage image = registry.image("team/async-ok").layer(1000).push("1.0");

      PullResult result =
          client
              .pull(image.reference())
              .into(FileBlobStore.open(dir))
              .executeAsync()
              .get(10, TimeUnit.SECONDS);

      assertThat(result.blobs())
          .extracting(PulledBlob::digest)
          .containsExactlyElementsOf(digests(image));
    }
  }

  /** Waits, at most 60 s, until the registry has seen the GET of {@code blob}. */
  private static void awaitTransferStarted(TestRegistry registry, Digest blob)
      throws InterruptedException {
    for (int i = 0; i < 6_000; i++) {
      if (blobGets(registry).stream().anyMatch(r -> r.path().contains(blob.hex()))) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the pull never asked for " + blob + " within 60 s");
  }
}
