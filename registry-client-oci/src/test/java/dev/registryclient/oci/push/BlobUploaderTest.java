package dev.registryclient.oci.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.CancelledException;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.core.transport.RetryEvent;
import dev.registryclient.core.transport.RetryPolicy;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.pull.TransferScope;
import dev.registryclient.oci.testing.KitClients;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import dev.registryclient.testkit.Upload;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BlobUploaderTest {
  private static final int CHUNK = 64 * 1024;
  private final List<RetryEvent> events = new CopyOnWriteArrayList<>();
  private final AtomicLong sent = new AtomicLong();
  private final TransferScope scope = new TransferScope(ErrorContext.of(Phase.UPLOAD));

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static Transport transport() {
    return KitClients.builder()
        .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(1)).jitter(0).build())
        .build();
  }

  private static BlobUploader uploader(Transport transport, TestRegistry registry) {
    return new BlobUploader(
        transport, KitClients.endpoints(registry), registry.hostAndPort(), CHUNK);
  }

  private static BlobUploader.Blob blob(String repo, byte[] content, Optional<String> from) {
    return new BlobUploader.Blob(
        repo,
        Digest.sha256(content),
        content.length,
        () -> new ByteArrayInputStream(content),
        from);
  }

  private BlobUploader.Outcome upload(BlobUploader uploader, BlobUploader.Blob blob) {
    return uploader.upload(blob, events::add, sent::addAndGet, scope);
  }

  private static byte[] stored(TestRegistry registry, String repo, Digest digest) throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(registry.url().resolve("/v2/" + repo + "/blobs/" + digest))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private static List<RecordedRequest> uploadRequests(TestRegistry registry, String method) {
    return registry.journal().matching(method, "/blobs/uploads/");
  }

  /**
   * The upload requests once the registry has recorded one: it records an exchange the client cut
   * when its handler gives up on the body, which can be just after the client saw its own failure.
   */
  private static List<RecordedRequest> recordedAtLeastOnce(TestRegistry registry, String method)
      throws InterruptedException {
    for (int i = 0; i < 200 && uploadRequests(registry, method).isEmpty(); i++) {
      Thread.sleep(25);
    }
    return uploadRequests(registry, method);
  }

  @Test
  void aSmallBlobIsSentInOnePutAfterThePost() throws Exception {
    byte[] content = random(1000, 1);
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = transport()) {
      BlobUploader.Outcome outcome =
          upload(uploader(transport, registry), blob("app", content, Optional.empty()));

      assertThat(outcome).isEqualTo(BlobUploader.Outcome.UPLOADED);
      assertThat(stored(registry, "app", Digest.sha256(content))).isEqualTo(content);
      assertThat(uploadRequests(registry, "POST")).hasSize(1);
      assertThat(uploadRequests(registry, "PATCH")).isEmpty();
      assertThat(uploadRequests(registry, "PUT")).hasSize(1);
      assertThat(sent).hasValue(content.length);
    }
  }

  @Test
  void aLargeBlobGoesInChunksWithContentRangeAndTheLastInThePut() throws Exception {
    byte[] content = random(5 * CHUNK + 123, 2);
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = transport()) {
      BlobUploader.Outcome outcome =
          upload(uploader(transport, registry), blob("app", content, Optional.empty()));

      assertThat(outcome).isEqualTo(BlobUploader.Outcome.UPLOADED);
      assertThat(stored(registry, "app", Digest.sha256(content))).isEqualTo(content);
      List<RecordedRequest> patches = uploadRequests(registry, "PATCH");
      assertThat(patches).hasSize(5);
      for (int i = 0; i < patches.size(); i++) {
        assertThat(patches.get(i).header("Content-Range"))
            .contains(i * CHUNK + "-" + ((i + 1) * CHUNK - 1));
      }
      assertThat(uploadRequests(registry, "PUT"))
          .singleElement()
          .satisfies(put -> assertThat(put.target()).contains("digest=" + Digest.sha256(content)));
      assertThat(sent).hasValue(content.length);
    }
  }

  @Test
  void aBlobTheRepositoryHasIsNotSentAgain() {
    byte[] content = random(5000, 3);
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = transport()) {
      registry.pushBlob("app", content, "application/octet-stream");

      assertThat(upload(uploader(transport, registry), blob("app", content, Optional.empty())))
          .isEqualTo(BlobUploader.Outcome.SKIPPED);
      assertThat(uploadRequests(registry, "POST")).isEmpty();
      assertThat(sent).hasValue(0);
    }
  }

  @Test
  void aBlobInAnotherRepositoryOfTheRegistryIsMountedWithoutSendingBytes() throws Exception {
    byte[] content = random(3 * CHUNK, 4);
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = transport()) {
      PushedBlob there = registry.pushBlob("team/source", content, "application/octet-stream");

      BlobUploader.Outcome outcome =
          upload(
              uploader(transport, registry),
              blob("team/target", content, Optional.of("team/source")));

      assertThat(outcome).isEqualTo(BlobUploader.Outcome.MOUNTED);
      assertThat(uploadRequests(registry, "POST"))
          .singleElement()
          .satisfies(
              p ->
                  assertThat(p.target())
                      .contains("mount=" + there.digest())
                      .contains("from=team%2Fsource"));
      assertThat(uploadRequests(registry, "PATCH")).isEmpty();
      assertThat(stored(registry, "team/target", there.digest())).isEqualTo(content);
    }
  }

  @Test
  void aSourceWithWrongBytesNeverCommitsAndTheSessionIsCancelled() {
    byte[] content = random(3 * CHUNK, 5);
    byte[] corrupt = content.clone();
    corrupt[CHUNK + 7] ^= 1;
    Digest digest = Digest.sha256(content);
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = transport()) {
      BlobUploader.Blob wrong =
          new BlobUploader.Blob(
              "app",
              digest,
              content.length,
              () -> new ByteArrayInputStream(corrupt),
              Optional.empty());

      assertThatThrownBy(() -> upload(uploader(transport, registry), wrong))
          .isInstanceOf(DigestMismatchException.class)
          .hasMessageContaining(digest.toString());
      assertThat(registry.containsBlob(digest)).isFalse();
      assertThat(uploadRequests(registry, "PUT")).as("never committed").isEmpty();
      assertThat(uploadRequests(registry, "DELETE")).as("session cancelled").hasSize(1);
    }
  }

  @Test
  void aFailedChunkIsResumedFromWhereTheRegistryStands() throws Exception {
    byte[] content = random(4 * CHUNK, 6);
    try (TestRegistry registry =
            TestRegistry.builder()
                .faults(Fault.status(503).on("/blobs/uploads/").method("PATCH").times(2))
                .start();
        Transport transport = transport()) {
      BlobUploader.Outcome outcome =
          upload(uploader(transport, registry), blob("app", content, Optional.empty()));

      assertThat(outcome).isEqualTo(BlobUploader.Outcome.UPLOADED);
      assertThat(stored(registry, "app", Digest.sha256(content))).isEqualTo(content);
      assertThat(uploadRequests(registry, "GET")).as("status asked after each failure").hasSize(2);
      assertThat(uploadRequests(registry, "POST")).as("the same session").hasSize(1);
      assertThat(events).hasSize(2).allMatch(e -> e.reason().equals("HTTP 503"));
      assertThat(sent).hasValue(content.length);
    }
  }

  @Test
  void aChunkThatKeepsFailingGivesUpOnTheBudgetNamingTheAttempts() {
    byte[] content = random(2 * CHUNK, 7);
    try (TestRegistry registry =
            TestRegistry.builder()
                .faults(Fault.status(503).on("/blobs/uploads/").method("PATCH").always())
                .start();
        Transport transport = transport()) {
      assertThatThrownBy(
              () -> upload(uploader(transport, registry), blob("app", content, Optional.empty())))
          .hasMessageContaining("HTTP 503")
          .hasMessageContaining("gave up after 5 attempts");
      assertThat(registry.containsBlob(Digest.sha256(content))).isFalse();
    }
  }

  @Test
  void aCancelledTransferStopsBetweenChunks() {
    byte[] content = random(4 * CHUNK, 8);
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = transport()) {
      BlobUploader.Blob cancelling =
          new BlobUploader.Blob(
              "app",
              Digest.sha256(content),
              content.length,
              () ->
                  new InputStream() {
                    private final ByteArrayInputStream in = new ByteArrayInputStream(content);
                    private int read;

                    @Override
                    public int read() {
                      throw new UnsupportedOperationException();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                      if (read >= CHUNK) {
                        scope.cancel("test cancels");
                      }
                      int n = in.read(b, off, Math.min(len, 4096));
                      read += Math.max(0, n);
                      return n;
                    }
                  },
              Optional.empty());

      assertThatThrownBy(() -> upload(uploader(transport, registry), cancelling))
          .isInstanceOf(CancelledException.class);
      assertThat(registry.containsBlob(Digest.sha256(content))).isFalse();
    }
  }

  @Test
  void withTokenAuthTheUploadGetsAPushToken() throws Exception {
    byte[] content = random(2 * CHUNK + 5, 9);
    try (TestRegistry registry = TestRegistry.builder().tokenAuth("alice", "secret").start();
        Transport transport = KitClients.as("alice", "secret")) {
      assertThat(upload(uploader(transport, registry), blob("team/app", content, Optional.empty())))
          .isEqualTo(BlobUploader.Outcome.UPLOADED);
      assertThat(registry.journal().token())
          .anySatisfy(t -> assertThat(t.target()).contains("push"));
      assertThat(registry.containsBlob(Digest.sha256(content))).isTrue();
    }
  }

  @Test
  void aPatchCutMidBodyResumesFromTheRegistrysOffsetInTheSameSession() throws Exception {
    byte[] content = random(4 * CHUNK, 10);
    try (TestRegistry registry =
            TestRegistry.builder()
                .faults(Fault.cutUploadAfter(CHUNK + 1000).method("PATCH").times(1))
                .start();
        Transport transport = transport()) {
      BlobUploader.Outcome outcome =
          upload(uploader(transport, registry), blob("app", content, Optional.empty()));

      assertThat(outcome).isEqualTo(BlobUploader.Outcome.UPLOADED);
      assertThat(stored(registry, "app", Digest.sha256(content))).isEqualTo(content);
      Upload upload = registry.uploads().get(0);
      assertThat(registry.uploads()).hasSize(1);
      assertThat(upload.state()).isEqualTo(Upload.State.COMMITTED);
      assertThat(upload.bytesReceived()).isEqualTo(content.length);
      assertThat(upload.steps())
          .as("after the cut: a status GET, then the rest from the registry's offset")
          .anySatisfy(step -> assertThat(step.status()).isEqualTo(-1))
          .anySatisfy(step -> assertThat(step.method()).isEqualTo("GET"));
      assertThat(events)
          .singleElement()
          .satisfies(e -> assertThat(e.kind()).isEqualTo(RetryEvent.Kind.RESUME));
    }
  }

  @Test
  void aCutClosingPutIsResumedAndCommitsOnce() throws Exception {
    byte[] content = random(2 * CHUNK + 500, 11);
    try (TestRegistry registry =
            TestRegistry.builder()
                .faults(Fault.cutUploadAfter(100).method("PUT").times(1))
                .start();
        Transport transport = transport()) {
      assertThat(upload(uploader(transport, registry), blob("app", content, Optional.empty())))
          .isEqualTo(BlobUploader.Outcome.UPLOADED);
      assertThat(stored(registry, "app", Digest.sha256(content))).isEqualTo(content);
    }
  }

  @Test
  void aLostSessionStartsANewOneAndReadsTheSourceAgain() throws Exception {
    byte[] content = random(3 * CHUNK, 12);
    try (TestRegistry registry =
            TestRegistry.builder()
                .faults(Fault.loseUploadSession().method("PATCH").times(1))
                .start();
        Transport transport = transport()) {
      assertThat(upload(uploader(transport, registry), blob("app", content, Optional.empty())))
          .isEqualTo(BlobUploader.Outcome.UPLOADED);
      assertThat(stored(registry, "app", Digest.sha256(content))).isEqualTo(content);
      assertThat(registry.uploads())
          .extracting(Upload::state)
          .containsExactly(Upload.State.LOST, Upload.State.COMMITTED);
      assertThat(sent)
          .as("bytes sent again to a new session are not counted twice")
          .hasValue(content.length);
    }
  }

  @Test
  void theRegistrysMinimumChunkLengthIsHonouredAlsoAfterACut() throws Exception {
    int minimum = 3 * CHUNK;
    byte[] content = random(10 * CHUNK + 77, 13);
    try (TestRegistry registry =
            TestRegistry.builder()
                .chunkMinLength(minimum)
                .faults(Fault.cutUploadAfter(CHUNK).method("PATCH").times(1))
                .start();
        Transport transport = transport()) {
      assertThat(upload(uploader(transport, registry), blob("app", content, Optional.empty())))
          .isEqualTo(BlobUploader.Outcome.UPLOADED);
      assertThat(stored(registry, "app", Digest.sha256(content))).isEqualTo(content);
      List<Upload.Step> patches =
          registry.uploads().get(0).steps().stream()
              .filter(st -> st.method().equals("PATCH") && st.status() == 202)
              .toList();
      assertThat(patches)
          .isNotEmpty()
          .allSatisfy(st -> assertThat(st.received()).isGreaterThanOrEqualTo(minimum));
    }
  }

  @Test
  void aRegistryThatDoesNotMountGetsTheBytesInTheSessionItOpened() throws Exception {
    byte[] content = random(2 * CHUNK, 14);
    try (TestRegistry registry = TestRegistry.builder().ignoreMounts().start();
        Transport transport = transport()) {
      registry.pushBlob("team/source", content, "application/octet-stream");

      assertThat(
              upload(
                  uploader(transport, registry),
                  blob("team/target", content, Optional.of("team/source"))))
          .isEqualTo(BlobUploader.Outcome.UPLOADED);
      assertThat(uploadRequests(registry, "POST")).hasSize(1);
      assertThat(stored(registry, "team/target", Digest.sha256(content))).isEqualTo(content);
    }
  }

  @Test
  void aSourceThatFailsWhileAChunkStreamsIsTheSourcesErrorAndSpendsNoTargetRetries()
      throws InterruptedException {
    byte[] content = random(4 * CHUNK, 15);
    dev.registryclient.api.exception.TransportException sourceDown =
        new dev.registryclient.api.exception.TransportException(
            ErrorContext.of(Phase.BLOB, "source.example", "app"), "the source gave up");
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = transport()) {
      BlobUploader.Blob failing =
          new BlobUploader.Blob(
              "app",
              Digest.sha256(content),
              content.length,
              () ->
                  new InputStream() {
                    private final ByteArrayInputStream in = new ByteArrayInputStream(content);
                    private int read;

                    @Override
                    public int read() {
                      throw new UnsupportedOperationException();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                      if (read > CHUNK / 2) {
                        throw sourceDown;
                      }
                      int n = in.read(b, off, Math.min(len, 4096));
                      read += Math.max(0, n);
                      return n;
                    }
                  },
              Optional.empty());

      assertThatThrownBy(() -> upload(uploader(transport, registry), failing)).isSameAs(sourceDown);
      assertThat(events).as("no retry of the target for the source's failure").isEmpty();
      assertThat(recordedAtLeastOnce(registry, "PATCH")).hasSize(1);
    }
  }

  @Test
  void theBestEffortCancelOfAFailedSessionIsSentOnceAndNotRetried() {
    byte[] content = random(2 * CHUNK, 16);
    byte[] corrupt = content.clone();
    corrupt[5] ^= 1;
    try (TestRegistry registry =
            TestRegistry.builder()
                .faults(Fault.status(503).on("/blobs/uploads/").method("DELETE").always())
                .start();
        Transport transport = transport()) {
      BlobUploader.Blob wrong =
          new BlobUploader.Blob(
              "app",
              Digest.sha256(content),
              content.length,
              () -> new ByteArrayInputStream(corrupt),
              Optional.empty());

      assertThatThrownBy(() -> upload(uploader(transport, registry), wrong))
          .isInstanceOf(DigestMismatchException.class);
      assertThat(uploadRequests(registry, "DELETE")).hasSize(1);
    }
  }

  @Test
  void aRelativeOrAbsoluteLocationIsFollowedWithItsQueryKept() {
    URI base = URI.create("http://127.0.0.1:5000/v2/app/blobs/uploads/");
    URI next = UploadLocation.next(base, Optional.of("/v2/app/blobs/uploads/u1?_state=a%2Bb=="));
    assertThat(next.toString())
        .isEqualTo("http://127.0.0.1:5000/v2/app/blobs/uploads/u1?_state=a%2Bb==");
    Digest d = Digest.sha256(new byte[1]);
    assertThat(UploadLocation.withDigest(next, d).toString())
        .isEqualTo("http://127.0.0.1:5000/v2/app/blobs/uploads/u1?_state=a%2Bb==&digest=" + d);
    assertThat(UploadLocation.withDigest(URI.create("https://cdn.example/u/2"), d).toString())
        .isEqualTo("https://cdn.example/u/2?digest=" + d);
  }

  @Test
  void theRangeHeaderSaysHowManyBytesTheRegistryHas() {
    assertThat(UploadRange.bytesReceived(Optional.of("0-0"))).isZero();
    assertThat(UploadRange.bytesReceived(Optional.of("0-65535"))).isEqualTo(65536);
    assertThat(UploadRange.bytesReceived(Optional.of("bytes=0-9"))).isEqualTo(10);
    assertThat(UploadRange.bytesReceived(Optional.of("garbage"))).isZero();
    assertThat(UploadRange.bytesReceived(Optional.empty())).isZero();
  }
}
