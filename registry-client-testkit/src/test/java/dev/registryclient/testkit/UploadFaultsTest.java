package dev.registryclient.testkit;

import static dev.registryclient.testkit.UploadSteps.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.registryclient.api.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Faults on the steps of a blob push: cut request bodies, lost sessions, injected statuses. */
class UploadFaultsTest {
  private static final int SIZE = 300_000;
  private static final int CUT = 40_000;
  private static final byte[] BLOB = content(SIZE);
  private static final Digest DIGEST = Digest.sha256(BLOB);

  @Test
  void aCutChunkKeepsWhatTheRegistryReadAndTheUploadResumesFromThere() {
    Fault cut = Fault.cutUploadAfter(CUT).method("PATCH");
    try (TestRegistry registry = TestRegistry.builder().faults(cut).start()) {
      UploadSteps push = new UploadSteps(registry, "up/app");
      String location = push.start();

      assertThatThrownBy(() -> push.patch(location, BLOB, 0, SIZE))
          .as("no answer comes to a cut request")
          .isInstanceOf(UncheckedIOException.class);

      HttpResponse<byte[]> status = push.status(location);
      assertThat(status.statusCode()).isEqualTo(204);
      assertThat(status.headers().firstValue("Range")).hasValue("0-" + (CUT - 1));
      assertThat(push.patch(location, BLOB, CUT, SIZE).statusCode()).isEqualTo(202);
      assertThat(push.put(location, BLOB, new byte[0]).statusCode()).isEqualTo(201);

      assertThat(Http.get(registry.url() + "/v2/up/app/blobs/" + DIGEST).body()).isEqualTo(BLOB);
      assertThat(registry.timesFired(cut)).isEqualTo(1);
      Upload upload = registry.uploads().get(0);
      assertThat(upload.steps())
          .extracting(
              Upload.Step::method, Upload.Step::offset, Upload.Step::received, Upload.Step::status)
          .containsExactly(
              tuple("POST", 0L, 0L, 202),
              tuple("PATCH", 0L, (long) CUT, -1),
              tuple("GET", (long) CUT, 0L, 204),
              tuple("PATCH", (long) CUT, (long) SIZE - CUT, 202),
              tuple("PUT", (long) SIZE, 0L, 201));
      assertThat(upload.state()).isEqualTo(Upload.State.COMMITTED);
      assertThat(upload.bytesReceived()).isEqualTo(SIZE);
      assertThat(registry.journal().matching("PATCH", "/blobs/uploads/"))
          .first()
          .satisfies(
              r -> {
                assertThat(r.status()).isEqualTo(-1);
                assertThat(r.requestBodyBytes()).isEqualTo(CUT);
              });
    }
  }

  @Test
  void theCutIsATcpResetAfterTheServerReadTheGivenBytes() throws IOException {
    try (TestRegistry registry =
        TestRegistry.builder().faults(Fault.cutUploadAfter(CUT).method("PATCH")).start()) {
      String location = new UploadSteps(registry, "up/app").start();
      try (Socket socket = new Socket(registry.url().getHost(), registry.url().getPort())) {
        socket.setSoTimeout(10_000);
        sendPartOfAPatch(socket, registry, location);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        assertThatThrownBy(() -> in.transferTo(answer))
            .isInstanceOf(SocketException.class)
            .hasMessage("Connection reset");
        assertThat(answer.size()).as("response bytes").isZero();
      }
      assertThat(registry.uploads().get(0).bytesReceived()).isEqualTo(CUT);
    }
  }

  @Test
  void aStalledUploadKeepsWhatTheRegistryReadAndNeverAnswersUntilTheRegistryCloses()
      throws Exception {
    Fault stall = Fault.stallUploadAfter(CUT).method("PATCH");
    TestRegistry registry = TestRegistry.builder().faults(stall).start();
    try (Socket socket = new Socket(registry.url().getHost(), registry.url().getPort())) {
      UploadSteps push = new UploadSteps(registry, "up/app");
      String location = push.start();
      sendPartOfAPatch(socket, registry, location);
      for (int i = 0; i < 200 && registry.uploads().get(0).steps().size() < 2; i++) {
        Thread.sleep(50);
      }

      assertThat(registry.timesFired(stall)).isEqualTo(1);
      assertThat(registry.uploads().get(0).steps())
          .extracting(Upload.Step::method, Upload.Step::received, Upload.Step::status)
          .containsExactly(tuple("POST", 0L, 202), tuple("PATCH", (long) CUT, -1));
      // the session answers on another connection while the stalled one waits
      assertThat(push.status(location).headers().firstValue("Range")).hasValue("0-" + (CUT - 1));
      socket.setSoTimeout(300);
      InputStream in = socket.getInputStream();
      assertThatThrownBy(in::read).as("no answer").isInstanceOf(SocketTimeoutException.class);
      assertThat(registry.containsBlob(DIGEST)).isFalse();

      registry.close();
      socket.setSoTimeout(10_000);
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      try {
        in.transferTo(answer);
      } catch (SocketException reset) {
        // closing the registry may reset the connection rather than close it: both end it
      }
      assertThat(answer.size()).as("response bytes").isZero();
    }
  }

  @Test
  void aCutClosingPutCommitsNothingAndLeavesTheSessionOpen() {
    try (TestRegistry registry =
        TestRegistry.builder().faults(Fault.cutUploadAfter(0).method("PUT")).start()) {
      UploadSteps push = new UploadSteps(registry, "up/app");
      String location = push.start();
      assertThat(push.patch(location, BLOB, 0, SIZE).statusCode()).isEqualTo(202);

      assertThatThrownBy(() -> push.put(location, BLOB, new byte[0]))
          .isInstanceOf(UncheckedIOException.class);
      assertThat(registry.containsBlob(DIGEST)).isFalse();
      assertThat(registry.uploads())
          .singleElement()
          .extracting(Upload::state)
          .isEqualTo(Upload.State.OPEN);

      assertThat(push.status(location).headers().firstValue("Range")).hasValue("0-" + (SIZE - 1));
      assertThat(push.put(location, BLOB, new byte[0]).statusCode()).isEqualTo(201);
    }
  }

  @Test
  void aCutMonolithicPostLeavesAnOpenSessionTheClientNeverLearnedOf() {
    try (TestRegistry registry =
        TestRegistry.builder().faults(Fault.cutUploadAfter(CUT).method("POST")).start()) {
      UploadSteps push = new UploadSteps(registry, "up/app");
      assertThatThrownBy(
              () -> Http.post(registry.url() + "/v2/up/app/blobs/uploads/?digest=" + DIGEST, BLOB))
          .isInstanceOf(UncheckedIOException.class);
      assertThat(registry.containsBlob(DIGEST)).isFalse();
      assertThat(registry.uploads())
          .singleElement()
          .satisfies(
              u -> {
                assertThat(u.state()).isEqualTo(Upload.State.OPEN);
                assertThat(u.bytesReceived()).isEqualTo(CUT);
                assertThat(u.steps()).extracting(Upload.Step::status).containsExactly(-1);
              });
      assertThat(push.post("?digest=" + DIGEST).statusCode())
          .as("the fault is used up; an empty body does not match the digest")
          .isEqualTo(400);
    }
  }

  @Test
  void aCutIsNotUsedUpByAnUploadStartOrARefusedChunk() {
    Fault cut = Fault.cutUploadAfter(CUT);
    try (TestRegistry registry = TestRegistry.builder().faults(cut).start()) {
      UploadSteps push = new UploadSteps(registry, "up/app");
      String location = push.start(); // no body: not cut
      HttpResponse<byte[]> misplaced = push.patch(location, BLOB, 10, SIZE);
      assertThat(misplaced.statusCode()).isEqualTo(416);
      assertThat(registry.timesFired(cut)).isZero();

      assertThatThrownBy(() -> push.patch(location, BLOB, 0, SIZE))
          .isInstanceOf(UncheckedIOException.class);
      assertThat(registry.timesFired(cut)).isEqualTo(1);
    }
  }

  @Test
  void aLostSessionAnswersBlobUploadUnknownFromThenOn() {
    Fault lose = Fault.loseUploadSession().method("PUT");
    try (TestRegistry registry = TestRegistry.builder().faults(lose).start()) {
      UploadSteps push = new UploadSteps(registry, "up/app");
      String location = push.start();
      assertThat(push.patch(location, BLOB, 0, SIZE).statusCode()).isEqualTo(202);

      HttpResponse<byte[]> closing = push.put(location, BLOB, new byte[0]);
      assertThat(closing.statusCode()).isEqualTo(404);
      assertThat(Http.errorCode(closing)).isEqualTo("BLOB_UPLOAD_UNKNOWN");
      HttpResponse<byte[]> status = push.status(location);
      assertThat(status.statusCode()).isEqualTo(404);
      assertThat(Http.errorCode(status)).isEqualTo("BLOB_UPLOAD_UNKNOWN");

      String again = push.start();
      assertThat(push.put(again, BLOB, BLOB).statusCode()).isEqualTo(201);
      assertThat(registry.uploads())
          .extracting(Upload::state, Upload::bytesReceived)
          .containsExactly(
              tuple(Upload.State.LOST, (long) SIZE), tuple(Upload.State.COMMITTED, (long) SIZE));
      assertThat(registry.uploads().get(0).steps())
          .last()
          .isEqualTo(new Upload.Step("PUT", SIZE, 0, 404));
    }
  }

  @Test
  void aLostSessionFaultLeavesUploadStartsAlone() {
    Fault lose = Fault.loseUploadSession();
    try (TestRegistry registry = TestRegistry.builder().faults(lose).start()) {
      UploadSteps push = new UploadSteps(registry, "up/app");
      String location = push.start();
      assertThat(registry.timesFired(lose)).isZero();
      assertThat(push.status(location).statusCode()).isEqualTo(404);
      assertThat(registry.timesFired(lose)).isEqualTo(1);
    }
  }

  /**
   * The registry reads a large body before answering, so the client sees the injected status
   * instead of a connection reset, and the session never sees the request.
   */
  @ParameterizedTest
  @ValueSource(strings = {"POST", "PATCH", "GET", "PUT"})
  void aStatusFaultHitsEachUploadStepAndTheRetryCompletesThePush(String method) {
    Fault unavailable = Fault.status(503).method(method).on("/blobs/uploads/");
    try (TestRegistry registry = TestRegistry.builder().faults(unavailable).start()) {
      UploadSteps push = new UploadSteps(registry, "up/app");
      HttpResponse<byte[]> started = push.post("");
      if (method.equals("POST")) {
        assertUnavailable(started);
        started = push.post("");
      }
      String location = UploadSteps.location(started);
      int half = SIZE / 2;
      HttpResponse<byte[]> chunk = push.patch(location, BLOB, 0, half);
      if (method.equals("PATCH")) {
        assertUnavailable(chunk);
        chunk = push.patch(location, BLOB, 0, half);
      }
      assertThat(chunk.statusCode()).isEqualTo(202);
      HttpResponse<byte[]> status = push.status(location);
      if (method.equals("GET")) {
        assertUnavailable(status);
        status = push.status(location);
      }
      assertThat(status.headers().firstValue("Range")).hasValue("0-" + (half - 1));
      byte[] rest = Arrays.copyOfRange(BLOB, half, SIZE);
      HttpResponse<byte[]> closed = push.put(location, BLOB, rest);
      if (method.equals("PUT")) {
        assertUnavailable(closed);
        closed = push.put(location, BLOB, rest);
      }
      assertThat(closed.statusCode()).isEqualTo(201);

      assertThat(registry.timesFired(unavailable)).isEqualTo(1);
      assertThat(registry.uploads())
          .singleElement()
          .satisfies(
              u -> {
                assertThat(u.state()).isEqualTo(Upload.State.COMMITTED);
                assertThat(u.steps()).extracting(Upload.Step::status).doesNotContain(503);
              });
      RecordedRequest faulted =
          registry.journal().filter(r -> r.status() == 503).stream().findFirst().orElseThrow();
      assertThat(faulted.method()).isEqualTo(method);
      long expectedBody =
          switch (method) {
            case "PATCH" -> half;
            case "PUT" -> SIZE - half;
            default -> 0;
          };
      assertThat(faulted.requestBodyBytes()).isEqualTo(expectedBody);
    }
  }

  private static void assertUnavailable(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(Http.errorCode(response)).isEqualTo("UNKNOWN");
  }

  @Test
  void tooManyRequestsHitsALargeChunkWithRetryAfter() {
    try (TestRegistry registry =
        TestRegistry.builder()
            .faults(Fault.tooManyRequests(Duration.ofSeconds(2)).method("PATCH").times(2))
            .start()) {
      UploadSteps push = new UploadSteps(registry, "up/app");
      String location = push.start();
      for (int i = 0; i < 2; i++) {
        HttpResponse<byte[]> slowDown = push.patch(location, BLOB, 0, SIZE);
        assertThat(slowDown.statusCode()).isEqualTo(429);
        assertThat(slowDown.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(Http.errorCode(slowDown)).isEqualTo("TOOMANYREQUESTS");
      }
      assertThat(push.patch(location, BLOB, 0, SIZE).statusCode()).isEqualTo(202);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "by-digest"})
  void statusFaultsHitManifestPutsByTagAndByDigest(String reference) {
    Fault unavailable = Fault.status(503).method("PUT").on("/manifests/");
    Fault slowDown = Fault.tooManyRequests(Duration.ofSeconds(1)).method("PUT").on("/manifests/");
    try (TestRegistry registry = TestRegistry.builder().faults(unavailable, slowDown).start()) {
      PushedImage image = registry.image("up/app").oci().layer(100).pushByDigest();
      String ref = reference.equals("v1") ? "v1" : image.digest().toString();
      UploadSteps push = new UploadSteps(registry, "up/app");

      assertThat(push.manifestPut(ref, image.manifest(), image.mediaType()).statusCode())
          .isEqualTo(503);
      assertThat(push.manifestPut(ref, image.manifest(), image.mediaType()).statusCode())
          .isEqualTo(429);
      HttpResponse<byte[]> stored = push.manifestPut(ref, image.manifest(), image.mediaType());
      assertThat(stored.statusCode()).isEqualTo(201);
      assertThat(stored.headers().firstValue("Docker-Content-Digest"))
          .hasValue(image.digest().toString());
      assertThat(Http.get(registry.url() + "/v2/up/app/manifests/" + ref, "Accept", "*/*").body())
          .isEqualTo(image.manifest());
    }
  }

  /**
   * Starts a PATCH of the whole blob on a raw socket and sends only its first {@code 2 * CUT}
   * bytes: more than the fault lets the registry read, less than the head announces.
   */
  private static void sendPartOfAPatch(Socket socket, TestRegistry registry, String location)
      throws IOException {
    OutputStream out = socket.getOutputStream();
    String head =
        "PATCH "
            + location
            + " HTTP/1.1\r\nHost: "
            + registry.hostAndPort()
            + "\r\nContent-Length: "
            + SIZE
            + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(BLOB, 0, 2 * CUT);
    out.flush();
  }
}
