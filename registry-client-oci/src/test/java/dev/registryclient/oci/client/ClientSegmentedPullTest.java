package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PullListener;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.exception.CancelledException;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.core.store.FileBlobStore;
import dev.registryclient.core.store.MemoryBlobStore;
import dev.registryclient.oci.pull.Segmentation;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large blob comes as several byte ranges at once (lowered thresholds: 1 MiB blobs, 256 KiB
 * segments), each through the registry's redirect, resumed on its own, verified once.
 */
class ClientSegmentedPullTest {
  private static final int SIZE = 3 * 1024 * 1024 + 12_345;
  private static final int SEGMENT = 256 * 1024;
  private static final Segmentation SMALL = new Segmentation(true, 1024 * 1024, SEGMENT);
  private static final byte[] LAYER = random();
  private static final Digest DIGEST = Digest.sha256(LAYER);
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  @TempDir Path dir;

  private static byte[] random() {
    byte[] b = new byte[SIZE];
    new Random(43).nextBytes(b);
    return b;
  }

  private PullResult pull(TestRegistry registry, BlobStore store, int parallelism) {
    return pull(registry, store, parallelism, PullListener.NONE);
  }

  private PullResult pull(
      TestRegistry registry, BlobStore store, int parallelism, PullListener listener) {
    PushedImage image = registry.image("team/big").layer(LAYER).push("1.0");
    try (RegistryClient client = RegistryClient.builder().parallelism(parallelism).build()) {
      return ((DefaultPullRequest) client.pull(image.reference()).into(store).onProgress(listener))
          .segmentation(SMALL)
          .execute();
    }
  }

  /** The layer's downloads: from the CDN when it redirects, else from the registry. */
  private static List<RecordedRequest> layerDownloads(TestRegistry registry) {
    List<RecordedRequest> cdn =
        registry.journal().cdn().stream().filter(r -> r.path().endsWith(DIGEST.hex())).toList();
    return cdn.isEmpty() ? registryLayerGets(registry) : cdn;
  }

  private static List<RecordedRequest> registryLayerGets(TestRegistry registry) {
    return registry.journal().matching("GET", ".*/blobs/" + DIGEST).stream()
        .filter(r -> r.origin() == RecordedRequest.Origin.REGISTRY)
        .toList();
  }

  /** {@code [first, last]} of a request's Range header, last -1 for an open range. */
  private static long[] range(RecordedRequest r) {
    Matcher m = RANGE.matcher(r.header("Range").orElseThrow(() -> new AssertionError(r)));
    assertThat(m.matches()).isTrue();
    return new long[] {
      Long.parseLong(m.group(1)), m.group(2).isEmpty() ? -1 : Long.parseLong(m.group(2))
    };
  }

  private void assertStoredRight(FileBlobStore store) throws Exception {
    try (InputStream in = store.open(DIGEST)) {
      assertThat(in.readAllBytes()).isEqualTo(LAYER);
    }
    assertThat(stagingFiles(store)).isEmpty();
  }

  @Test
  void aLargeBlobComesAsRangesThatCoverItExactlyEachThroughTheRegistrysRedirect() throws Exception {
    try (TestRegistry registry =
        TestRegistry.builder().cdnRedirects(Duration.ofMinutes(5)).start()) {
      FileBlobStore store = FileBlobStore.builder(dir).fsync(false).build();

      pull(registry, store, 4);

      assertStoredRight(store);
      List<RecordedRequest> cdn = layerDownloads(registry);
      assertThat(cdn).hasSizeGreaterThan(1).allMatch(r -> r.status() == 206);
      List<long[]> ranges =
          new ArrayList<>(cdn.stream().map(ClientSegmentedPullTest::range).toList());
      ranges.sort((a, b) -> Long.compare(a[0], b[0]));
      long next = 0;
      for (long[] r : ranges) {
        assertThat(r[0]).isEqualTo(next); // no gap, no overlap
        next = r[1] + 1;
      }
      assertThat(next).isEqualTo(SIZE);
      // every range asked the registry first: no signed URL served two requests
      assertThat(registryLayerGets(registry)).hasSameSizeAs(cdn);
      assertThat(cdn).noneMatch(RecordedRequest::hasAuthorization);
    }
  }

  @Test
  void rangesStartedAfterSignedUrlsExpiredGetFreshOnes() throws Exception {
    AtomicBoolean expired = new AtomicBoolean();
    try (TestRegistry registry =
        TestRegistry.builder()
            .cdnRedirects(Duration.ofMinutes(1))
            .faults(Fault.slowBody(2_000_000).at(RecordedRequest.Origin.CDN).always())
            .start()) {
      FileBlobStore store = FileBlobStore.builder(dir).fsync(false).build();
      PullListener ageUrls =
          event -> {
            if (event instanceof PullEvent.BlobProgress p
                && p.digest().equals(DIGEST)
                && expired.compareAndSet(false, true)) {
              registry.advanceClock(Duration.ofMinutes(2)); // every URL issued so far expires
            }
          };

      pull(registry, store, 4, ageUrls);

      assertStoredRight(store);
      assertThat(expired).isTrue();
      // an expired URL would get 403 from the CDN: every range was served, and those started
      // after the expiry came with URLs signed after it
      assertThat(layerDownloads(registry)).allMatch(r -> r.status() == 206);
      assertThat(layerDownloads(registry).stream().map(RecordedRequest::target).distinct())
          .hasSizeGreaterThan(1);
      assertThat(registryLayerGets(registry)).hasSameSizeAs(layerDownloads(registry));
    }
  }

  @Test
  void aCutRangeResumesOnItsOwnFromWhereItWasCut() throws Exception {
    try (TestRegistry registry =
        TestRegistry.builder()
            .cdnRedirects(Duration.ofMinutes(5))
            .faults(Fault.disconnectAfter(100_000).at(RecordedRequest.Origin.CDN).on(DIGEST.hex()))
            .start()) {
      FileBlobStore store = FileBlobStore.builder(dir).fsync(false).build();

      PullResult result = pull(registry, store, 4);

      assertStoredRight(store);
      List<RecordedRequest> cdn = layerDownloads(registry);
      RecordedRequest cut = cdn.get(0);
      long[] first = range(cut);
      // the resume asks for the rest of the cut range only, not the blob, not the range again
      assertThat(cdn)
          .anySatisfy(r -> assertThat(range(r)).containsExactly(first[0] + 100_000, first[1]));
      assertThat(result.blobs())
          .filteredOn(b -> b.digest().equals(DIGEST))
          .singleElement()
          .satisfies(b -> assertThat(b.retries()).isEqualTo(1));
    }
  }

  @Test
  void aServerThatIgnoresRangeGetsOneStream() throws Exception {
    try (TestRegistry registry =
        TestRegistry.builder().faults(Fault.ignoreRange().on("/blobs/" + DIGEST)).start()) {
      FileBlobStore store = FileBlobStore.builder(dir).fsync(false).build();

      pull(registry, store, 4);

      assertStoredRight(store);
      List<RecordedRequest> gets = registryLayerGets(registry);
      assertThat(gets).extracting(RecordedRequest::status).containsExactly(200, 200);
      assertThat(gets.get(0).header("Range")).contains("bytes=0-" + (SEGMENT - 1));
      assertThat(gets.get(1).header("Range")).isEmpty();
    }
  }

  @Test
  void wrongBytesInOneRangeFailThePullAndNothingBecomesVisible() throws Exception {
    try (TestRegistry registry =
        TestRegistry.builder().faults(Fault.wrongBytes().on("/blobs/" + DIGEST)).start()) {
      FileBlobStore store = FileBlobStore.builder(dir).fsync(false).build();

      assertThatThrownBy(() -> pull(registry, store, 4))
          .isInstanceOf(DigestMismatchException.class)
          .hasMessageContaining(DIGEST.toString());

      assertThat(store.exists(DIGEST)).isFalse();
      assertThat(stagingFiles(store)).isEmpty();
      assertThat(registryLayerGets(registry)).hasSizeGreaterThan(1); // it was segmented
    }
  }

  @Test
  void cancellingASegmentedPullStopsEveryRangeAndLeavesNothing() throws Exception {
    CountDownLatch receiving = new CountDownLatch(1);
    try (TestRegistry registry =
            TestRegistry.builder()
                .faults(
                    // two ranges come quickly (and are journaled), the others crawl
                    Fault.slowBody(50_000_000).on("/blobs/" + DIGEST).times(2),
                    Fault.slowBody(100_000).on("/blobs/" + DIGEST).always())
                .start();
        RegistryClient client = RegistryClient.builder().parallelism(4).build()) {
      PushedImage image = registry.image("team/big").layer(LAYER).push("1.0");
      FileBlobStore store = FileBlobStore.builder(dir).fsync(false).build();
      Thread puller =
          new Thread(
              () ->
                  ((DefaultPullRequest)
                          client
                              .pull(image.reference())
                              .into(store)
                              .onProgress(
                                  e -> {
                                    if (e instanceof PullEvent.BlobProgress) {
                                      receiving.countDown();
                                    }
                                  }))
                      .segmentation(SMALL)
                      .execute());
      CompletableFuture<Throwable> failure = new CompletableFuture<>();
      puller.setUncaughtExceptionHandler((t, e) -> failure.complete(e));
      puller.start();
      assertThat(receiving.await(30, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 3_000 && registryLayerGets(registry).size() < 2; i++) {
        Thread.sleep(10);
      }

      puller.interrupt();

      assertThat(failure.get(30, TimeUnit.SECONDS)).isInstanceOf(CancelledException.class);
      assertThat(store.exists(DIGEST)).isFalse();
      assertThat(stagingFiles(store)).isEmpty();
      assertThat(registryLayerGets(registry)).hasSizeGreaterThan(1); // it was segmented
    }
  }

  @Test
  void aStoreWithoutPositionalWritesGetsOneStream() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      MemoryBlobStore store = new MemoryBlobStore();

      pull(registry, store, 4);

      assertThat(store.exists(DIGEST)).isTrue();
      assertThat(registryLayerGets(registry))
          .singleElement()
          .satisfies(r -> assertThat(r.header("Range")).isEmpty());
    }
  }

  @Test
  void turnedOffOrWithoutSpareConnectionsEveryBlobIsOneStream() throws Exception {
    try (TestRegistry registry = TestRegistry.builder().start();
        RegistryClient client = RegistryClient.builder().parallelism(4).build()) {
      PushedImage image = registry.image("team/big").layer(LAYER).push("1.0");
      client
          .pull(image.reference())
          .into(FileBlobStore.builder(dir.resolve("off")).fsync(false).build())
          .segmentedDownloads(false)
          .execute();
      pull(registry, FileBlobStore.builder(dir.resolve("one")).fsync(false).build(), 1);

      assertThat(registryLayerGets(registry))
          .hasSize(2)
          .allSatisfy(r -> assertThat(r.header("Range")).isEmpty());
    }
  }

  private static List<Path> stagingFiles(FileBlobStore store) throws Exception {
    Path ingest = store.root().resolve("ingest");
    if (!Files.exists(ingest)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(ingest)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
