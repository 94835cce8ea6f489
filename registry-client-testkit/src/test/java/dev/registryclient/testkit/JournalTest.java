package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JournalTest {

  @Test
  void requestsAreRecordedWithMethodHostPathAndStatus() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      Http.get(registry.url() + "/v2/nothing/here/manifests/v1?x=1");
      assertThat(registry.journal().all())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.origin()).isEqualTo(RecordedRequest.Origin.REGISTRY);
                assertThat(r.method()).isEqualTo("GET");
                assertThat(r.hostAndPort()).isEqualTo(registry.hostAndPort());
                assertThat(r.target()).isEqualTo("/v2/nothing/here/manifests/v1?x=1");
                assertThat(r.path()).isEqualTo("/v2/nothing/here/manifests/v1");
                assertThat(r.status()).isEqualTo(404);
              });
    }
  }

  @Test
  void secretsAreRedactedButTheirSchemeRemains() {
    try (TestRegistry registry = TestRegistry.builder().tokenAuth("alice", "s3cret-pass").start()) {
      Http.get(
          registry.url() + "/v2/",
          "Authorization",
          "Bearer abc.def.ghi",
          "Cookie",
          "session=topsecret");
      Http.post(
          registry.tokenRealm() + "?password=s3cret-pass&refresh_token=rt123&scope=x",
          "grant_type=password".getBytes(StandardCharsets.UTF_8),
          "Authorization",
          Http.basic("alice", "s3cret-pass"));
      String everything =
          registry.journal().all().toString()
              + registry.journal().all().stream().map(r -> r.headers().toString()).toList();
      assertThat(everything)
          .doesNotContain(
              "abc.def.ghi",
              "topsecret",
              "s3cret-pass",
              "rt123",
              java.util.Base64.getEncoder()
                  .encodeToString("alice:s3cret-pass".getBytes(StandardCharsets.UTF_8)));
      RecordedRequest ping = registry.journal().registry().get(0);
      assertThat(ping.header("authorization")).hasValue("Bearer <redacted>");
      assertThat(ping.header("Cookie")).hasValue("<redacted>");
      RecordedRequest token = registry.journal().token().get(0);
      assertThat(token.target())
          .isEqualTo("/token?password=<redacted>&refresh_token=<redacted>&scope=x");
    }
  }

  @Test
  void filtersSelectByServerMethodAndPath() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedImage image = registry.image("j/app").layer(5).push("v1");
      Http.get(registry.url() + "/v2/j/app/manifests/v1");
      Http.head(registry.url() + "/v2/j/app/manifests/v1");
      Http.get(registry.url() + "/v2/j/app/blobs/" + image.layers().get(0).digest());
      assertThat(registry.journal().matching("GET", "/v2/j/app/manifests/.*")).hasSize(1);
      assertThat(registry.journal().matching("GET", "/v2/.+/blobs/.*")).hasSize(1);
      assertThat(registry.journal().filter(r -> r.method().equals("HEAD"))).hasSize(1);
      assertThat(registry.journal().cdn()).isEmpty();
      registry.journal().clear();
      assertThat(registry.journal().all()).isEmpty();
    }
  }

  @Test
  void matchingSearchesThePathLikeAFaultDoes() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      Http.get(registry.url() + "/v2/");
      Http.get(registry.url() + "/v2/j/app/manifests/v1");
      Http.get(registry.url() + "/v2/j/app/tags/list?n=1");
      assertThat(registry.journal().matching("GET", "/manifests/")).hasSize(1);
      assertThat(registry.journal().matching("get", "^/v2/")).hasSize(3);
      assertThat(registry.journal().matching("GET", "^/v2/$")).hasSize(1);
      assertThat(registry.journal().matching("GET", "n=1"))
          .as("the query is not searched")
          .isEmpty();
    }
  }

  @Test
  void aCdnDownloadIsFoundByTheRegistryPathOfItsBlob() {
    try (TestRegistry registry =
        TestRegistry.builder().cdnRedirects(java.time.Duration.ofMinutes(1)).start()) {
      PushedBlob blob = registry.pushRandomBlob("j/app", 100, "x");
      String location =
          Http.get(registry.url() + "/v2/j/app/blobs/" + blob.digest())
              .headers()
              .firstValue("Location")
              .orElseThrow();
      Http.get(location);
      assertThat(registry.journal().cdn())
          .singleElement()
          .satisfies(r -> assertThat(r.path()).isEqualTo("/sha256/" + blob.digest().hex()));
      assertThat(registry.journal().matching("GET", "^/v2/j/app/blobs/"))
          .extracting(RecordedRequest::origin)
          .containsExactly(RecordedRequest.Origin.REGISTRY, RecordedRequest.Origin.CDN);
      assertThat(
              registry
                  .journal()
                  .matching(
                      RequestMatcher.any()
                          .onBlob(blob.digest())
                          .at(RecordedRequest.Origin.REGISTRY)))
          .extracting(RecordedRequest::status)
          .containsExactly(302);
    }
  }

  @Test
  void contentHelpersDoNotShowUpInTheJournal() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      registry.image("j/quiet").layer(5).push("v1");
      assertThat(registry.journal().all()).isEmpty();
    }
  }

  @Test
  void eachRequestRecordsTheBodyBytesTheServerRead() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      String location =
          UploadSteps.location(Http.post(registry.url() + "/v2/j/app/blobs/uploads/", new byte[0]));
      Http.send("PATCH", registry.url() + location, new byte[12_345]);
      Http.get(registry.url() + location);
      assertThat(registry.journal().all())
          .extracting(RecordedRequest::method, RecordedRequest::requestBodyBytes)
          .containsExactly(tuple("POST", 0L), tuple("PATCH", 12_345L), tuple("GET", 0L));
    }
  }

  @Test
  void aLargeBodyAnsweredWithoutReadingStillGetsItsAnswer() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      // the JDK server alone would drain 64 KiB and then close: the client saw a reset
      HttpResponse<byte[]> r =
          Http.send("PATCH", registry.url() + "/v2/j/app/blobs/uploads/unknown", new byte[1 << 20]);
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(Http.errorCode(r)).isEqualTo("BLOB_UPLOAD_UNKNOWN");
      assertThat(registry.journal().all())
          .singleElement()
          .extracting(RecordedRequest::requestBodyBytes)
          .isEqualTo(1L << 20);
    }
  }
}
