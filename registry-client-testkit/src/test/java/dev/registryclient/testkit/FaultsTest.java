package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultsTest {
  private static final String BLOBS = "/blobs/sha256:";

  private static PushedBlob blob(TestRegistry registry, int size) {
    return registry.pushRandomBlob("f/app", size, "application/octet-stream");
  }

  private static String blobUrl(TestRegistry registry, PushedBlob blob) {
    return registry.url() + "/v2/f/app/blobs/" + blob.digest();
  }

  @Test
  void statusFaultsApplyTheConfiguredNumberOfTimes() {
    try (TestRegistry r =
        TestRegistry.builder().faults(Fault.status(503).on("/manifests/").times(2)).start()) {
      r.image("f/app").layer(1).push("v1");
      String url = r.url() + "/v2/f/app/manifests/v1";
      HttpResponse<byte[]> first = Http.get(url);
      assertThat(first.statusCode()).isEqualTo(503);
      assertThat(Http.errorCode(first)).isEqualTo("UNKNOWN");
      assertThat(Http.get(url).statusCode()).isEqualTo(503);
      assertThat(Http.get(url).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void tooManyRequestsCarriesRetryAfter() {
    try (TestRegistry r =
        TestRegistry.builder().faults(Fault.tooManyRequests(Duration.ofMillis(1500))).start()) {
      HttpResponse<byte[]> resp = Http.get(r.url() + "/v2/");
      assertThat(resp.statusCode()).isEqualTo(429);
      assertThat(resp.headers().firstValue("Retry-After")).hasValue("2");
      assertThat(Http.errorCode(resp)).isEqualTo("TOOMANYREQUESTS");
    }
  }

  @Test
  void disconnectAfterCutsTheBodyButAnnouncedTheFullLength() throws IOException {
    try (TestRegistry r =
        TestRegistry.builder().faults(Fault.disconnectAfter(1000).on(BLOBS)).start()) {
      PushedBlob blob = blob(r, 100_000);
      HttpResponse<InputStream> resp = streamed(blobUrl(r, blob));
      assertThat(resp.headers().firstValueAsLong("Content-Length")).hasValue(100_000);
      byte[] buf = new byte[8192];
      long read = 0;
      try (InputStream in = resp.body()) {
        for (int n; (n = in.read(buf)) > 0; ) {
          read += n;
        }
        assertThat(read).as("a clean EOF would be wrong").isLessThan(100_000);
      } catch (IOException expected) {
        assertThat(read).isEqualTo(1000);
      }
      assertThat(r.journal().registry())
          .last()
          .satisfies(rec -> assertThat(rec.status()).isEqualTo(200));
      // the fault was used up: the next download is whole
      assertThat(Http.get(blobUrl(r, blob)).body()).hasSize(100_000);
    }
  }

  @Test
  void truncatedBodyMakesTheClientFail() {
    try (TestRegistry r = TestRegistry.builder().faults(Fault.truncatedBody().on(BLOBS)).start()) {
      PushedBlob blob = blob(r, 10_000);
      assertThatThrownBy(() -> Http.get(blobUrl(r, blob))).isInstanceOf(UncheckedIOException.class);
    }
  }

  @Test
  void aHeadDoesNotUseUpABodyFault() {
    try (TestRegistry r = TestRegistry.builder().faults(Fault.wrongBytes().on(BLOBS)).start()) {
      PushedBlob blob = blob(r, 100);
      assertThat(Http.head(blobUrl(r, blob)).statusCode()).isEqualTo(200);
      assertThat(Digest.sha256(Http.get(blobUrl(r, blob)).body())).isNotEqualTo(blob.digest());
    }
  }

  @Test
  void wrongBytesKeepTheLengthButBreakTheDigest() {
    try (TestRegistry r = TestRegistry.builder().faults(Fault.wrongBytes().on(BLOBS)).start()) {
      PushedBlob blob = blob(r, 5000);
      byte[] body = Http.get(blobUrl(r, blob)).body();
      assertThat(body).hasSize(5000);
      assertThat(Digest.sha256(body)).isNotEqualTo(blob.digest());
    }
  }

  @Test
  void slowBodyStillDeliversEveryByte() {
    try (TestRegistry r = TestRegistry.builder().faults(Fault.slowBody(20_000).on(BLOBS)).start()) {
      PushedBlob blob = blob(r, 4000);
      assertThat(Digest.sha256(Http.get(blobUrl(r, blob)).body())).isEqualTo(blob.digest());
    }
  }

  @Test
  void endlessBodyGoesOnPastTheBlobSize() throws IOException {
    try (TestRegistry r = TestRegistry.builder().faults(Fault.endlessBody().on(BLOBS)).start()) {
      PushedBlob blob = blob(r, 100);
      HttpResponse<InputStream> resp = streamed(blobUrl(r, blob));
      assertThat(resp.headers().firstValue("Content-Length")).isEmpty();
      try (InputStream in = resp.body()) {
        assertThat(in.readNBytes(1_000_000)).hasSize(1_000_000);
      }
    }
  }

  @Test
  void theCdnCanIgnoreRanges() {
    try (TestRegistry r =
        TestRegistry.builder()
            .cdnRedirects(Duration.ofMinutes(1))
            .faults(Fault.cdnIgnoresRange())
            .start()) {
      PushedBlob blob = blob(r, 300);
      String location = Http.get(blobUrl(r, blob)).headers().firstValue("Location").orElseThrow();
      HttpResponse<byte[]> resp = Http.get(location, "Range", "bytes=100-");
      assertThat(resp.statusCode()).isEqualTo(200);
      assertThat(resp.body()).hasSize(300);
      assertThat(Http.get(location, "Range", "bytes=100-").statusCode()).isEqualTo(206);
    }
  }

  @Test
  void redirectToSendsTheGivenLocation() {
    String downgrade = "http://127.0.0.1:1/insecure";
    try (TestRegistry r =
        TestRegistry.builder().faults(Fault.redirectTo(downgrade).on(BLOBS)).start()) {
      HttpResponse<byte[]> resp = Http.get(blobUrl(r, blob(r, 10)));
      assertThat(resp.statusCode()).isEqualTo(302);
      assertThat(resp.headers().firstValue("Location")).hasValue(downgrade);
    }
  }

  @Test
  void redirectLoopBouncesBetweenTwoUrlsForever() {
    try (TestRegistry r = TestRegistry.builder().faults(Fault.redirectLoop().on(BLOBS)).start()) {
      String a = Http.get(blobUrl(r, blob(r, 10))).headers().firstValue("Location").orElseThrow();
      String b = Http.get(a).headers().firstValue("Location").orElseThrow();
      String again = Http.get(b).headers().firstValue("Location").orElseThrow();
      assertThat(b).isNotEqualTo(a);
      assertThat(again).isEqualTo(a);
    }
  }

  @Test
  void aRefusedCdnHostRefusesConnections() {
    try (TestRegistry r = TestRegistry.builder().faults(Fault.cdnRefused()).start()) {
      String location =
          Http.get(blobUrl(r, blob(r, 10))).headers().firstValue("Location").orElseThrow();
      assertThatThrownBy(() -> Http.get(location)).hasCauseInstanceOf(ConnectException.class);
    }
  }

  @Test
  void aBlackHoledCdnHostGivesAConnectTimeout() {
    try (TestRegistry r = TestRegistry.builder().faults(Fault.cdnConnectTimeout()).start()) {
      String location =
          Http.get(blobUrl(r, blob(r, 10))).headers().firstValue("Location").orElseThrow();
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();
      assertThatThrownBy(
              () ->
                  client.send(
                      Http.request(location).build(), HttpResponse.BodyHandlers.ofByteArray()))
          .isInstanceOf(HttpConnectTimeoutException.class);
    }
  }

  @Test
  void aCdnHostThatNeverAnswersGivesAReadTimeout() {
    try (TestRegistry r = TestRegistry.builder().faults(Fault.cdnReadTimeout()).start()) {
      String location =
          Http.get(blobUrl(r, blob(r, 10))).headers().firstValue("Location").orElseThrow();
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      var request = Http.request(location).timeout(Duration.ofMillis(300)).build();
      assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofByteArray()))
          .isInstanceOf(HttpTimeoutException.class)
          .isNotInstanceOf(HttpConnectTimeoutException.class);
    }
  }

  @Test
  void faultsOnlyMatchTheirMethodAndServer() {
    Fault fault = Fault.status(500).on("/v2/").method("PUT").at(RecordedRequest.Origin.REGISTRY);
    assertThat(fault.matches(RecordedRequest.Origin.REGISTRY, "PUT", "/v2/a/manifests/b")).isTrue();
    assertThat(fault.matches(RecordedRequest.Origin.REGISTRY, "GET", "/v2/a/manifests/b"))
        .isFalse();
    assertThat(fault.matches(RecordedRequest.Origin.CDN, "PUT", "/v2/a/manifests/b")).isFalse();
    assertThatThrownBy(() -> Fault.status(42)).hasMessageContaining("42");
  }

  @Test
  void uploadFaultsAimAtUploadsAndCanBeNarrowedByMethod() {
    Fault cut = Fault.cutUploadAfter(1024).method("PATCH");
    RecordedRequest.Origin registry = RecordedRequest.Origin.REGISTRY;
    assertThat(cut.kind().isUploadFault()).isTrue();
    assertThat(cut.kind().isBodyFault()).isFalse();
    assertThat(cut.matches(registry, "PATCH", "/v2/a/blobs/uploads/1f")).isTrue();
    assertThat(cut.matches(registry, "PUT", "/v2/a/blobs/uploads/1f")).isFalse();
    assertThat(cut.matches(registry, "PATCH", "/v2/a/manifests/v1")).isFalse();
    assertThat(Fault.loseUploadSession().matches(registry, "GET", "/v2/a/blobs/uploads/1f"))
        .isTrue();
    assertThat(Fault.loseUploadSession().kind().isUploadFault()).isTrue();
    assertThat(Fault.status(503).kind().isUploadFault()).isFalse();
    assertThat(cut.toString()).contains("CUT_UPLOAD_AFTER 1024", "PATCH");
    assertThatThrownBy(() -> Fault.cutUploadAfter(-1)).hasMessageContaining("-1");
  }

  private static HttpResponse<InputStream> streamed(String url) {
    try {
      return Http.CLIENT.send(Http.request(url).build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
