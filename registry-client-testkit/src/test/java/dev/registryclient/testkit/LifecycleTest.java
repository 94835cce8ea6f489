package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {

  @Test
  void servesManyConnectionsAtOnce() throws Exception {
    // each body takes 5 s to send, so unless all 12 are served in parallel some response
    // headers would miss the 3 s request timeout
    try (TestRegistry registry =
        TestRegistry.builder().faults(Fault.slowBody(2_000).on("/blobs/").always()).start()) {
      PushedBlob blob = registry.pushRandomBlob("c/app", 10_000, "x");
      String url = registry.url() + "/v2/c/app/blobs/" + blob.digest();
      List<CompletableFuture<HttpResponse<InputStream>>> downloads = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        downloads.add(
            Http.CLIENT.sendAsync(
                Http.request(url).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.ofInputStream()));
      }
      for (CompletableFuture<HttpResponse<InputStream>> d : downloads) {
        try (InputStream body = d.get().body()) {
          assertThat(body.readNBytes(50)).hasSize(50);
        }
      }
    }
  }

  @Test
  void closeLeavesNoWorkerThreadsBehind() throws Exception {
    TestRegistry registry =
        TestRegistry.builder().faults(Fault.endlessBody().on("/blobs/")).start();
    String prefix = registry.threadNamePrefix();
    PushedBlob blob = registry.pushRandomBlob("c/leak", 10, "x");
    CountDownLatch streaming = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try (var in =
                  Http.CLIENT
                      .send(
                          Http.request(registry.url() + "/v2/c/leak/blobs/" + blob.digest())
                              .build(),
                          java.net.http.HttpResponse.BodyHandlers.ofInputStream())
                      .body()) {
                in.readNBytes(1000);
                streaming.countDown();
                in.readNBytes(Integer.MAX_VALUE); // until the registry closes
              } catch (Exception expected) {
                // the registry went away mid-body
              }
            });
    reader.start();
    streaming.await();
    assertThat(liveThreads(prefix)).isPositive();
    registry.close();
    reader.join(10_000);
    assertThat(liveThreads(prefix)).isZero();
    assertThat(reader.isAlive()).isFalse();
  }

  @Test
  void theTemporaryBlobDirectoryIsRemovedButAGivenOneIsKept(@TempDir Path dir) {
    Path blobs = dir.resolve("blobs");
    PushedBlob blob;
    try (TestRegistry registry = TestRegistry.builder().blobStorage(blobs).start()) {
      blob = registry.pushBlob("c/disk", new byte[] {1, 2, 3}, "x");
    }
    assertThat(blobs.resolve("sha256").resolve(blob.digest().hex())).exists();
  }

  @Test
  void aLargeLayerIsStreamedToDiskNotHeld() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedImage image = registry.image("c/big").layer(64L * 1024 * 1024).push("v1");
      assertThat(image.layers().get(0).size()).isEqualTo(64L * 1024 * 1024);
      var r = Http.head(registry.url() + "/v2/c/big/blobs/" + image.layers().get(0).digest());
      assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(64L * 1024 * 1024);
    }
  }

  @Test
  void tempDirectoryDisappearsOnClose() throws Exception {
    long before = countTempBlobDirs();
    TestRegistry registry = TestRegistry.builder().start();
    registry.pushBlob("c/tmp", new byte[] {1}, "x");
    assertThat(countTempBlobDirs()).isEqualTo(before + 1);
    registry.close();
    assertThat(countTempBlobDirs()).isEqualTo(before);
  }

  private static long countTempBlobDirs() throws Exception {
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("test-registry-blobs"))
          .count();
    }
  }

  private static long liveThreads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
        .count();
  }
}
