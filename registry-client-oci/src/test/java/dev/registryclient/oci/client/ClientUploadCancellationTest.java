package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.CopyEvent;
import dev.registryclient.api.client.CopyListener;
import dev.registryclient.api.client.CopyResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistrySettings;
import dev.registryclient.api.exception.CancelledException;
import dev.registryclient.oci.push.BlobUploader;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import dev.registryclient.testkit.Upload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Ending a copy while an upload is blocked in a socket write, because the target registry stopped
 * reading the body, aborts the request at once. The client's timeouts are five minutes here, so
 * only the abort can release the upload within the tests' patience.
 */
class ClientUploadCancellationTest {
  /** Far more than loopback socket buffers hold, so the client blocks in a write. */
  private static final long LAYER_SIZE = 48L << 20;

  /** Generous for any machine, far below the client's timeouts and its 30 s stop grace. */
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final Fault stall = Fault.stallUploadAfter(1 << 20);

  @Test
  void cancellingTheFutureOfACopyReleasesAnUploadBlockedInAWrite() throws Exception {
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target = target();
        RegistryClient client = client(source, target)) {
      PushedImage image = imageWithConfigAt(source, target);
      UploadThread upload = new UploadThread(layer(image));
      CompletableFuture<CopyResult> running =
          client.copy(reference(image), at(target)).onProgress(upload).executeAsync();
      awaitStall(target);
      assertThat(upload.inUploader()).as("the upload thread, blocked sending the layer").isTrue();

      running.cancel(true);

      assertThat(running).isCancelled();
      assertThat(upload.leftUploaderWithin(PATIENCE)).as("upload thread released").isTrue();
      assertNothingCommitted(target, layer(image));
    }
  }

  @Test
  void interruptingACopyBlockedInAnUploadWriteReportsTheInterruptNotTheAbortedConnection()
      throws Exception {
    try (TestRegistry source = TestRegistry.builder().start();
        TestRegistry target = target();
        RegistryClient client = client(source, target)) {
      PushedImage image = imageWithConfigAt(source, target);
      CompletableFuture<Throwable> failure = new CompletableFuture<>();
      Thread copier =
          new Thread(
              () -> {
                try {
                  client.copy(reference(image), at(target)).execute();
                  failure.complete(null);
                } catch (RuntimeException e) {
                  failure.complete(e);
                }
              });
      copier.start();
      awaitStall(target);

      copier.interrupt();

      // the copy waits for its workers to leave before it reports, so this bounds them too
      assertThat(failure.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
          .isInstanceOf(CancelledException.class)
          .hasMessageContaining("interrupted");
      assertNothingCommitted(target, layer(image));
    }
  }

  /** A target whose registry stalls the first upload body; one chunk takes the whole layer. */
  private TestRegistry target() {
    return TestRegistry.builder().chunkMinLength(64L << 20).faults(stall).start();
  }

  /** Long timeouts: only aborting the request ends a blocked write within {@link #PATIENCE}. */
  private static RegistryClient client(TestRegistry... registries) {
    var builder = RegistryClient.builder();
    for (TestRegistry r : registries) {
      builder.registry(
          r.hostAndPort(), RegistrySettings.defaults().withReadTimeout(Duration.ofMinutes(5)));
    }
    return builder.build();
  }

  /**
   * An image with one large layer at {@code source}, whose config {@code target} already has: the
   * only upload body, and so the stalled one, is the layer's.
   */
  private static PushedImage imageWithConfigAt(TestRegistry source, TestRegistry target)
      throws Exception {
    PushedImage image = source.image("team/big").layer(LAYER_SIZE).push("1.0");
    PushedBlob config = image.config();
    HttpResponse<byte[]> bytes =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(source.url() + "/v2/team/big/blobs/" + config.digest()))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(bytes.statusCode()).isEqualTo(200);
    target.pushBlob("app", bytes.body(), config.mediaType());
    return image;
  }

  private static Digest layer(PushedImage image) {
    return image.layers().get(0).digest();
  }

  private static ImageReference reference(PushedImage image) {
    return ImageReference.parse(image.reference());
  }

  private static ImageReference at(TestRegistry target) {
    return ImageReference.parse(target.hostAndPort() + "/app:1.0");
  }

  /**
   * Waits (bounded) until the target registry has read the first bytes of the layer's upload and
   * stopped reading: the step it records then has no status.
   */
  private void awaitStall(TestRegistry target) throws InterruptedException {
    for (int i = 0; i < 3000 && !stalled(target); i++) {
      Thread.sleep(20);
    }
    assertThat(stalled(target)).as("upload stalled").isTrue();
    assertThat(target.timesFired(stall)).isEqualTo(1);
  }

  private static boolean stalled(TestRegistry target) {
    return target.uploads().stream()
        .flatMap(u -> u.steps().stream())
        .anyMatch(step -> step.status() == -1);
  }

  private static void assertNothingCommitted(TestRegistry target, Digest layer) {
    assertThat(target.containsBlob(layer)).isFalse();
    assertThat(target.uploads())
        .filteredOn(u -> u.steps().size() > 1) // the pre-pushed config's is committed
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.state()).isEqualTo(Upload.State.OPEN);
              assertThat(u.steps()).last().extracting(Upload.Step::status).isEqualTo(-1);
            });
    assertThat(target.journal().matching("PUT", "/manifests/")).isEmpty();
  }

  /** Notes the thread that uploads {@code layer}: the copy starts each blob on its worker. */
  private static final class UploadThread implements CopyListener {
    private final Digest layer;
    private final CompletableFuture<Thread> thread = new CompletableFuture<>();

    UploadThread(Digest layer) {
      this.layer = layer;
    }

    @Override
    public void onEvent(CopyEvent event) {
      if (event instanceof CopyEvent.BlobStarted started && started.digest().equals(layer)) {
        thread.complete(Thread.currentThread());
      }
    }

    boolean inUploader() {
      Thread t = thread.getNow(null);
      return t != null
          && Arrays.stream(t.getStackTrace())
              .anyMatch(f -> f.getClassName().startsWith(BlobUploader.class.getName()));
    }

    boolean leftUploaderWithin(Duration patience) throws InterruptedException {
      long until = System.nanoTime() + patience.toNanos();
      while (inUploader() && until - System.nanoTime() > 0) {
        Thread.sleep(20);
      }
      return !inUploader();
    }
  }
}
