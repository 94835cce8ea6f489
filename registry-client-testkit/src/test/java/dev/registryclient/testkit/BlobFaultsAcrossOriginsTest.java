package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.RecordedRequest.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A body fault aimed at a blob hits its bytes whether the registry or a CDN serves them. */
class BlobFaultsAcrossOriginsTest {
  private static final byte[] CONTENT = content(20_000, 3);
  private static final byte[] OTHER = content(20_000, 5);
  private static final Digest DIGEST = Digest.sha256(CONTENT);
  private static final HttpClient FOLLOWING =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NORMAL)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Who serves the blob bytes. */
  enum Serving {
    REGISTRY(Origin.REGISTRY, b -> b),
    CDN_REDIRECTS(Origin.CDN, b -> b.cdnRedirects(Duration.ofMinutes(1)));

    final Origin bytesFrom;
    final UnaryOperator<TestRegistry.Builder> setup;

    Serving(Origin bytesFrom, UnaryOperator<TestRegistry.Builder> setup) {
      this.bytesFrom = bytesFrom;
      this.setup = setup;
    }
  }

  /** A way to aim a fault at the blob {@code DIGEST} of {@code team/app}. */
  record Selector(String name, BiFunction<Fault, Digest, Fault> aim) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> servingsAndSelectors() {
    List<Selector> selectors =
        List.of(
            new Selector("on(\"/blobs/sha256:\")", (f, d) -> f.on("/blobs/sha256:")),
            new Selector("on(\"^/v2/team/app/blobs/\")", (f, d) -> f.on("^/v2/team/app/blobs/")),
            new Selector("onBlobs()", (f, d) -> f.onBlobs()),
            new Selector("onBlob(digest)", Fault::onBlob));
    return Stream.of(Serving.values())
        .flatMap(s -> selectors.stream().map(sel -> Arguments.of(s, sel)));
  }

  private static byte[] content(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * seed + i / 97);
    }
    return bytes;
  }

  private static HttpResponse<byte[]> download(String url) throws IOException {
    try {
      return FOLLOWING.send(Http.request(url).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<byte[]> downloadWhole(String url) {
    try {
      return download(url);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String blobUrl(TestRegistry registry, String repository, Digest digest) {
    return registry.url() + "/v2/" + repository + "/blobs/" + digest;
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("servingsAndSelectors")
  void wrongBytesReachTheClientWhoeverServesTheBlob(Serving serving, Selector selector) {
    Fault fault = selector.aim().apply(Fault.wrongBytes(), DIGEST);
    try (TestRegistry r = serving.setup.apply(TestRegistry.builder()).faults(fault).start()) {
      r.pushBlob("team/app", CONTENT, "application/octet-stream");

      HttpResponse<byte[]> corrupt = downloadWhole(blobUrl(r, "team/app", DIGEST));
      assertThat(corrupt.statusCode()).isEqualTo(200);
      assertThat(corrupt.body()).hasSize(CONTENT.length);
      assertThat(Digest.sha256(corrupt.body())).isNotEqualTo(DIGEST);
      assertThat(r.timesFired(fault)).isEqualTo(1);
      assertThat(r.journal().matching(fault.matcher()))
          .filteredOn(rec -> rec.status() == 200)
          .singleElement()
          .extracting(RecordedRequest::origin)
          .isEqualTo(serving.bytesFrom);

      assertThat(downloadWhole(blobUrl(r, "team/app", DIGEST)).body()).isEqualTo(CONTENT);
      r.assertFaultsFired();
    }
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("servingsAndSelectors")
  void aDisconnectCutsTheDownloadWhoeverServesTheBlob(Serving serving, Selector selector) {
    Fault fault = selector.aim().apply(Fault.disconnectAfter(1000), DIGEST);
    try (TestRegistry r = serving.setup.apply(TestRegistry.builder()).faults(fault).start()) {
      r.pushBlob("team/app", CONTENT, "application/octet-stream");

      assertThatThrownBy(() -> download(blobUrl(r, "team/app", DIGEST)))
          .isInstanceOf(IOException.class);
      assertThat(r.timesFired(fault)).isEqualTo(1);
      assertThat(r.journal().all())
          .filteredOn(rec -> rec.status() == 200)
          .singleElement()
          .extracting(RecordedRequest::origin)
          .isEqualTo(serving.bytesFrom);
      assertThat(downloadWhole(blobUrl(r, "team/app", DIGEST)).body()).isEqualTo(CONTENT);
    }
  }

  @Test
  void theRegistrysRedirectDoesNotUseUpABodyFaultTheCdnDownloadDoes() {
    Fault fault = Fault.wrongBytes().on("/blobs/");
    try (TestRegistry r =
        TestRegistry.builder().cdnRedirects(Duration.ofMinutes(1)).faults(fault).start()) {
      r.pushBlob("team/app", CONTENT, "application/octet-stream");
      HttpResponse<byte[]> redirect = Http.get(blobUrl(r, "team/app", DIGEST));
      assertThat(redirect.statusCode()).isEqualTo(302);
      assertThat(r.unusedFaults()).containsExactly(fault);

      byte[] body = Http.get(redirect.headers().firstValue("Location").orElseThrow()).body();
      assertThat(Digest.sha256(body)).isNotEqualTo(DIGEST);
      assertThat(r.unusedFaults()).isEmpty();
    }
  }

  @Test
  void aPathPatternForOneRepositoryLeavesTheSameBlobOfAnotherRepositoryAlone() {
    Fault fault = Fault.wrongBytes().on("^/v2/team/app/blobs/").always();
    try (TestRegistry r =
        TestRegistry.builder().cdnRedirects(Duration.ofMinutes(1)).faults(fault).start()) {
      r.pushBlob("team/app", CONTENT, "application/octet-stream");
      r.pushBlob("other/app", CONTENT, "application/octet-stream");

      assertThat(downloadWhole(blobUrl(r, "other/app", DIGEST)).body()).isEqualTo(CONTENT);
      assertThat(r.timesFired(fault)).isZero();
      byte[] corrupt = downloadWhole(blobUrl(r, "team/app", DIGEST)).body();
      assertThat(Digest.sha256(corrupt)).isNotEqualTo(DIGEST);
      assertThat(r.journal().matching("GET", "^/v2/team/app/blobs/"))
          .extracting(RecordedRequest::origin, RecordedRequest::status)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(Origin.REGISTRY, 302),
              org.assertj.core.groups.Tuple.tuple(Origin.CDN, 200));
    }
  }

  @Test
  void onBlobLeavesOtherBlobsAlone() {
    Fault fault = Fault.wrongBytes().onBlob(DIGEST);
    try (TestRegistry r =
        TestRegistry.builder().cdnRedirects(Duration.ofMinutes(1)).faults(fault).start()) {
      r.pushBlob("team/app", CONTENT, "application/octet-stream");
      PushedBlob other = r.pushBlob("team/app", OTHER, "application/octet-stream");

      assertThat(downloadWhole(blobUrl(r, "team/app", other.digest())).body()).isEqualTo(OTHER);
      assertThat(r.unusedFaults()).containsExactly(fault);
      byte[] corrupt = downloadWhole(blobUrl(r, "team/app", DIGEST)).body();
      assertThat(Arrays.equals(corrupt, CONTENT)).isFalse();
      assertThat(r.unusedFaults()).isEmpty();
    }
  }

  @Test
  void faultsOfARegistryBehindACdnFrontHitTheBytesTheFrontsCdnServes() {
    Fault corrupt = Fault.wrongBytes().onBlob(DIGEST);
    Fault cut = Fault.disconnectAfter(1000).onBlob(DIGEST);
    try (TestRegistry upstream = TestRegistry.builder().faults(corrupt, cut).start();
        CdnFront front = CdnFront.builder(upstream.url()).start()) {
      upstream.pushBlob("team/app", CONTENT, "application/octet-stream");
      String viaFront = front.url() + "/v2/team/app/blobs/" + DIGEST;

      byte[] body = downloadWhole(viaFront).body();
      assertThat(body).hasSize(CONTENT.length);
      assertThat(Digest.sha256(body)).isNotEqualTo(DIGEST);
      assertThatThrownBy(() -> download(viaFront)).isInstanceOf(IOException.class);
      assertThat(downloadWhole(viaFront).body()).isEqualTo(CONTENT);

      upstream.assertFaultsFired();
      assertThat(front.journal().matching(corrupt.matcher()))
          .extracting(RecordedRequest::origin)
          .containsExactly(
              Origin.REGISTRY,
              Origin.CDN,
              Origin.REGISTRY,
              Origin.CDN,
              Origin.REGISTRY,
              Origin.CDN);
    }
  }
}
