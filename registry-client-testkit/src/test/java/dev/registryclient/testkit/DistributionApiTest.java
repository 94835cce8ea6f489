package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DistributionApiTest {
  static TestRegistry registry;
  static String base;

  @BeforeAll
  static void start() {
    registry = TestRegistry.builder().start();
    base = registry.url() + "/v2/";
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void pingAnswersWithTheApiVersionHeader() {
    HttpResponse<byte[]> r = Http.get(base);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
  }

  @Test
  void manifestByTagAndByDigestCarryTheDigestHeader() {
    PushedImage image = registry.image("team/app").layer(100).push("v1");
    for (String ref : new String[] {"v1", image.digest().toString()}) {
      HttpResponse<byte[]> r =
          Http.get(base + "team/app/manifests/" + ref, "Accept", ImageFormat.DOCKER.manifestType());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo(image.manifest());
      assertThat(r.headers().firstValue("Docker-Content-Digest"))
          .hasValue(image.digest().toString());
      assertThat(r.headers().firstValue("Content-Type")).hasValue(image.mediaType());
      assertThat(Digest.sha256(r.body())).isEqualTo(image.digest());
    }
  }

  @Test
  void headOfAManifestHasLengthAndDigestButNoBody() {
    PushedImage image = registry.image("team/head").layer(10).push("v1");
    HttpResponse<byte[]> r = Http.head(base + "team/head/manifests/v1");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(image.size());
    assertThat(r.headers().firstValue("Docker-Content-Digest")).hasValue(image.digest().toString());
  }

  @Test
  void acceptHeaderChoosesBetweenSchema1AndSchema2UnderOneTag() {
    PushedImage legacy = registry.image("team/both").layer(10).pushSchema1("v1");
    PushedImage modern = registry.image("team/both").layer(10).push("v1");
    HttpResponse<byte[]> schema2 =
        Http.get(base + "team/both/manifests/v1", "Accept", ImageFormat.DOCKER.manifestType());
    HttpResponse<byte[]> schema1 =
        Http.get(base + "team/both/manifests/v1", "Accept", ImageFormat.SCHEMA1_SIGNED);
    assertThat(schema2.headers().firstValue("Docker-Content-Digest"))
        .hasValue(modern.digest().toString());
    assertThat(schema1.headers().firstValue("Docker-Content-Digest"))
        .hasValue(legacy.digest().toString());
    HttpResponse<byte[]> none =
        Http.get(base + "team/both/manifests/v1", "Accept", ImageFormat.OCI.manifestType());
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(Http.errorCode(none)).isEqualTo("MANIFEST_UNKNOWN");
  }

  @Test
  void unknownManifestIsASpecErrorBody() {
    HttpResponse<byte[]> r = Http.get(base + "team/app/manifests/nope");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(Http.text(r)).contains("\"message\"").contains("\"detail\"");
    assertThat(Http.errorCode(r)).isEqualTo("MANIFEST_UNKNOWN");
  }

  @Test
  void blobGetServesBytesAndRangesAndRefusesUnsatisfiableRanges() {
    byte[] content = "0123456789".getBytes(StandardCharsets.US_ASCII);
    PushedBlob blob = registry.pushBlob("team/blobs", content, "application/octet-stream");
    String url = base + "team/blobs/blobs/" + blob.digest();
    assertThat(Http.get(url).body()).isEqualTo(content);
    HttpResponse<byte[]> partial = Http.get(url, "Range", "bytes=2-5");
    assertThat(partial.statusCode()).isEqualTo(206);
    assertThat(partial.body()).isEqualTo(Arrays.copyOfRange(content, 2, 6));
    assertThat(partial.headers().firstValue("Content-Range")).hasValue("bytes 2-5/10");
    HttpResponse<byte[]> suffix = Http.get(url, "Range", "bytes=-3");
    assertThat(suffix.body()).isEqualTo("789".getBytes(StandardCharsets.US_ASCII));
    HttpResponse<byte[]> beyond = Http.get(url, "Range", "bytes=10-");
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */10");
  }

  @Test
  void blobsAreOnlyServedFromRepositoriesThatHaveThem() {
    PushedBlob blob = registry.pushBlob("team/one", new byte[] {1, 2}, "x");
    HttpResponse<byte[]> r = Http.get(base + "team/other/blobs/" + blob.digest());
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Http.errorCode(r)).isEqualTo("BLOB_UNKNOWN");
  }

  @Test
  void invalidNamesAndDigestsAreRejectedWithTheirCodes() {
    HttpResponse<byte[]> name = Http.get(base + "Team/App/manifests/v1");
    assertThat(name.statusCode()).isEqualTo(400);
    assertThat(Http.errorCode(name)).isEqualTo("NAME_INVALID");
    HttpResponse<byte[]> digest = Http.get(base + "team/app/blobs/sha256:xyz");
    assertThat(digest.statusCode()).isEqualTo(400);
    assertThat(Http.errorCode(digest)).isEqualTo("DIGEST_INVALID");
  }

  @Test
  void manifestPutIsCheckedAgainstBlobsAndDigest() {
    PushedImage image = registry.image("team/src").layer(10).push("v1");
    String type = image.mediaType();
    HttpResponse<byte[]> missingBlobs =
        Http.put(base + "team/elsewhere/manifests/v1", image.manifest(), "Content-Type", type);
    assertThat(missingBlobs.statusCode()).isEqualTo(400);
    assertThat(Http.errorCode(missingBlobs)).isEqualTo("MANIFEST_BLOB_UNKNOWN");

    String wrongDigest = Digest.sha256(new byte[1]).toString();
    HttpResponse<byte[]> mismatch =
        Http.put(
            base + "team/src/manifests/" + wrongDigest, image.manifest(), "Content-Type", type);
    assertThat(mismatch.statusCode()).isEqualTo(400);
    assertThat(Http.errorCode(mismatch)).isEqualTo("DIGEST_INVALID");

    HttpResponse<byte[]> ok =
        Http.put(base + "team/src/manifests/v2", image.manifest(), "Content-Type", type);
    assertThat(ok.statusCode()).isEqualTo(201);
    assertThat(ok.headers().firstValue("Docker-Content-Digest"))
        .hasValue(image.digest().toString());
    assertThat(ok.headers().firstValue("Location"))
        .hasValue("/v2/team/src/manifests/" + image.digest());
  }

  @Test
  void manifestDeleteByDigestRemovesItAndItsTags() {
    PushedImage image = registry.image("team/del").layer(10).push("v1");
    assertThat(
            Http.send("DELETE", base + "team/del/manifests/" + image.digest(), new byte[0])
                .statusCode())
        .isEqualTo(202);
    assertThat(Http.get(base + "team/del/manifests/v1").statusCode()).isEqualTo(404);
  }

  @Test
  void multiPlatformIndexListsEachPlatformImage() {
    PushedIndex index =
        registry
            .index("team/multi")
            .add(registry.image("team/multi").platform("linux", "amd64").layer(10))
            .add(registry.image("team/multi").platform("linux", "arm64").layer(10))
            .dockerManifestList()
            .push("latest");
    HttpResponse<byte[]> r = Http.get(base + "team/multi/manifests/latest");
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValue("application/vnd.docker.distribution.manifest.list.v2+json");
    assertThat(Http.text(r)).contains(index.image("linux", "arm64").digest().toString());
    PushedImage arm = index.image("linux", "arm64");
    HttpResponse<byte[]> child = Http.get(base + "team/multi/manifests/" + arm.digest());
    assertThat(child.headers().firstValue("Content-Type"))
        .hasValue(ImageFormat.DOCKER.manifestType());
    assertThat(Http.get(base + "team/multi/blobs/" + arm.config().digest()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void unknownEndpointsAnswer404() {
    assertThat(Http.get(registry.url() + "/v1/_ping").statusCode()).isEqualTo(404);
  }
}
