package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.core.store.FileBlobStore;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A blob cut mid-pull continues with {@code Range} instead of starting again from byte 0. */
class ClientResumeTest {
  private static final int SIZE = 300_000;
  private static final int CUT = 100_000;
  private static final byte[] LAYER = random();

  @TempDir Path dir;

  private static byte[] random() {
    byte[] b = new byte[SIZE];
    new Random(41).nextBytes(b);
    return b;
  }

  private static String onLayer() {
    return "/blobs/" + Digest.sha256(LAYER);
  }

  /** The CDN names blobs by hex digest alone. */
  private static String hex() {
    return Digest.sha256(LAYER).hex();
  }

  /** The GETs of the layer that reached the registry, oldest first. */
  private static List<RecordedRequest> layerGets(TestRegistry registry) {
    return registry.journal().matching("GET", ".*" + onLayer());
  }

  private PullResult pull(TestRegistry registry) throws Exception {
    PushedImage image = registry.image("team/cut").layer(LAYER).push("1.0");
    FileBlobStore store = FileBlobStore.open(dir);
    try (RegistryClient client = RegistryClient.builder().build()) {
      PullResult result = client.pull(image.reference()).into(store).execute();
      // the store verified the digest on commit; compare the bytes anyway
      Path stored = store.root().resolve("blobs/sha256/" + Digest.sha256(LAYER).hex());
      assertThat(Files.readAllBytes(stored)).isEqualTo(LAYER);
      return result;
    }
  }

  private static Optional<String> range(RecordedRequest r) {
    return r.header("Range");
  }

  @Test
  void aDisconnectMidBlobResumesFromTheCutWithRange() throws Exception {
    try (TestRegistry registry =
        TestRegistry.builder().faults(Fault.disconnectAfter(CUT).on(onLayer())).start()) {
      pull(registry);

      List<RecordedRequest> gets = layerGets(registry);
      assertThat(gets).hasSize(2);
      assertThat(range(gets.get(0))).isEmpty();
      assertThat(range(gets.get(1))).contains("bytes=" + CUT + "-"); // only the missing part
      assertThat(gets.get(1).status()).isEqualTo(206);
    }
  }

  @Test
  void aResetMidBlobResumesFromTheCutWithRange() throws Exception {
    try (TestRegistry registry =
        TestRegistry.builder().faults(Fault.resetAfter(CUT).on(onLayer())).start()) {
      pull(registry);

      List<RecordedRequest> gets = layerGets(registry);
      assertThat(gets).hasSize(2);
      // An RST discards what was still in flight to the client (the kit documents this), so the
      // client resumes from the last byte it really received: somewhere in (0, CUT], never 0.
      long resumedAt = rangeStart(gets.get(1));
      assertThat(resumedAt).isPositive().isLessThanOrEqualTo(CUT);
      assertThat(gets.get(1).status()).isEqualTo(206);
    }
  }

  private static long rangeStart(RecordedRequest request) {
    String range = range(request).orElseThrow(() -> new AssertionError("no Range: " + request));
    assertThat(range).matches("bytes=[0-9]+-");
    return Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
  }

  @Test
  void aServerIgnoringRangeStillYieldsTheRightBytes() throws Exception {
    try (TestRegistry registry =
        TestRegistry.builder()
            .faults(Fault.disconnectAfter(CUT).on(onLayer()), Fault.ignoreRange().on(onLayer()))
            .start()) {
      pull(registry);

      List<RecordedRequest> gets = layerGets(registry);
      assertThat(gets).hasSize(2);
      assertThat(range(gets.get(1))).contains("bytes=" + CUT + "-");
      assertThat(gets.get(1).status()).isEqualTo(200); // the whole body, its head skipped
    }
  }

  @Test
  void aCdnIgnoringRangeAfterACutStillYieldsTheRightBytes() throws Exception {
    try (TestRegistry registry =
        TestRegistry.builder()
            .cdnRedirects(Duration.ofMinutes(5))
            .faults(
                Fault.disconnectAfter(CUT).at(RecordedRequest.Origin.CDN).on(hex()),
                Fault.cdnIgnoresRange().on(hex()))
            .start()) {
      pull(registry);

      List<RecordedRequest> cdn =
          registry.journal().cdn().stream().filter(r -> r.path().endsWith(hex())).toList();
      assertThat(cdn).extracting(RecordedRequest::status).containsExactly(200, 200);
      assertThat(range(cdn.get(1))).contains("bytes=" + CUT + "-");
    }
  }

  @Test
  void aResumedBlobCountsAsDownloadedOnce() throws Exception {
    try (TestRegistry registry =
        TestRegistry.builder().faults(Fault.disconnectAfter(CUT).on(onLayer())).start()) {
      PullResult result = pull(registry);

      assertThat(result.blobs())
          .filteredOn(b -> b.digest().equals(Digest.sha256(LAYER)))
          .singleElement()
          .satisfies(b -> assertThat(b.size()).isEqualTo(SIZE));
    }
  }
}
