package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CdnRedirectTest {
  TestRegistry registry;
  PushedBlob blob;
  byte[] content = new byte[1000];

  @BeforeEach
  void start() {
    registry =
        TestRegistry.builder()
            .tokenAuth("alice", "secret")
            .cdnRedirects(Duration.ofMinutes(1))
            .start();
    Arrays.fill(content, (byte) 7);
    content[999] = 9;
    blob = registry.pushBlob("team/app", content, "application/octet-stream");
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private String bearer() {
    HttpResponse<byte[]> r =
        Http.get(
            registry.tokenRealm() + "?service=test-registry&scope=repository:team/app:pull",
            "Authorization",
            Http.basic("alice", "secret"));
    return "Bearer " + Http.json(r).get("token");
  }

  private String redirectLocation() {
    HttpResponse<byte[]> r =
        Http.get(registry.url() + "/v2/team/app/blobs/" + blob.digest(), "Authorization", bearer());
    assertThat(r.statusCode()).isEqualTo(302);
    return r.headers().firstValue("Location").orElseThrow();
  }

  @Test
  void blobGetRedirectsToASignedUrlOnAnotherLoopbackHost() {
    URI location = URI.create(redirectLocation());
    assertThat(location.getHost()).isEqualTo(registry.cdnUrl().orElseThrow().getHost());
    assertThat(location.getPort()).isNotEqualTo(registry.url().getPort());
    assertThat(location.getPath()).isEqualTo("/sha256/" + blob.digest().hex());
    assertThat(location.getQuery()).contains("expires=").contains("signature=");
    HttpResponse<byte[]> cdn = Http.get(location.toString());
    assertThat(cdn.statusCode()).isEqualTo(200);
    assertThat(cdn.body()).isEqualTo(content);
  }

  @Test
  void onLinuxTheCdnIsOn127002() {
    // Linux routes all of 127/8 to the loopback interface; other systems fall back to 127.0.0.1
    if (System.getProperty("os.name").toLowerCase().contains("linux")) {
      assertThat(registry.cdnUrl().orElseThrow().getHost()).isEqualTo("127.0.0.2");
    } else {
      assertThat(registry.cdnUrl().orElseThrow().getHost()).startsWith("127.");
    }
  }

  @Test
  void headIsAnsweredByTheRegistryItself() {
    HttpResponse<byte[]> r =
        Http.head(
            registry.url() + "/v2/team/app/blobs/" + blob.digest(), "Authorization", bearer());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(1000);
  }

  @Test
  void theCdnRefusesRequestsCarryingAuthorization() {
    HttpResponse<byte[]> r = Http.get(redirectLocation(), "Authorization", bearer());
    assertThat(r.statusCode()).isEqualTo(400);
  }

  @Test
  void theCdnRefusesTamperedAndExpiredSignatures() {
    String location = redirectLocation();
    String tampered = location.replace("signature=", "signature=x");
    assertThat(Http.get(tampered).statusCode()).isEqualTo(403);
    String otherPath = location.replace(blob.digest().hex(), "0".repeat(64));
    assertThat(Http.get(otherPath).statusCode()).isEqualTo(403);
    assertThat(location).contains("repository=team/app&");
    String otherRepository = location.replace("repository=team/app", "repository=team/other");
    assertThat(Http.get(otherRepository).statusCode()).isEqualTo(403);
    registry.advanceClock(Duration.ofMinutes(2));
    HttpResponse<byte[]> expired = Http.get(location);
    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(Http.text(expired)).contains("expired");
  }

  @Test
  void theCdnServesRanges() {
    HttpResponse<byte[]> r = Http.get(redirectLocation(), "Range", "bytes=998-");
    assertThat(r.statusCode()).isEqualTo(206);
    assertThat(r.body()).containsExactly(7, 9);
    assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes 998-999/1000");
  }

  @Test
  void everyCdnRequestIsJournaledWithoutCredentials() {
    Http.get(redirectLocation());
    assertThat(registry.journal().cdn()).hasSize(1).noneMatch(RecordedRequest::hasAuthorization);
    assertThat(registry.journal().registry())
        .allSatisfy(r -> assertThat(r.header("Authorization")).hasValue("Bearer <redacted>"));
  }

  @Test
  void redirectStatusCanBe307() {
    try (TestRegistry r307 =
        TestRegistry.builder().cdnRedirects(Duration.ofMinutes(1)).cdnRedirectStatus(307).start()) {
      PushedBlob b = r307.pushBlob("a/b", new byte[] {1}, "x");
      assertThat(Http.get(r307.url() + "/v2/a/b/blobs/" + b.digest()).statusCode()).isEqualTo(307);
    }
  }
}
