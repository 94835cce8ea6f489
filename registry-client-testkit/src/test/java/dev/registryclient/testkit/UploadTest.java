package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UploadTest {
  static TestRegistry registry;
  static String base;

  @BeforeAll
  static void start() {
    registry = TestRegistry.builder().start();
    base = registry.url().toString();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void chunkedUploadWithPatchesAndFinalPutStoresTheBlob() {
    HttpResponse<byte[]> started = Http.post(base + "/v2/up/chunked/blobs/uploads/", new byte[0]);
    assertThat(started.statusCode()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();
    assertThat(started.headers().firstValue("Docker-Upload-UUID")).isPresent();

    HttpResponse<byte[]> first =
        Http.send("PATCH", base + location, bytes("hello "), "Content-Range", "0-5");
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(first.headers().firstValue("Range")).hasValue("0-5");
    HttpResponse<byte[]> second = Http.send("PATCH", base + location, bytes("world"));
    assertThat(second.headers().firstValue("Range")).hasValue("0-10");

    Digest digest = Digest.sha256(bytes("hello world"));
    HttpResponse<byte[]> done = Http.put(base + location + "?digest=" + digest, new byte[0]);
    assertThat(done.statusCode()).isEqualTo(201);
    assertThat(done.headers().firstValue("Docker-Content-Digest")).hasValue(digest.toString());
    assertThat(Http.get(base + "/v2/up/chunked/blobs/" + digest).body())
        .isEqualTo(bytes("hello world"));
  }

  @Test
  void aChunkAtTheWrongOffsetIsRefusedWith416() {
    String location =
        Http.post(base + "/v2/up/range/blobs/uploads/", new byte[0])
            .headers()
            .firstValue("Location")
            .orElseThrow();
    Http.send("PATCH", base + location, bytes("abc"), "Content-Range", "0-2");
    HttpResponse<byte[]> gap =
        Http.send("PATCH", base + location, bytes("def"), "Content-Range", "5-7");
    assertThat(gap.statusCode()).isEqualTo(416);
    assertThat(gap.headers().firstValue("Range")).hasValue("0-2");
    assertThat(Http.get(base + location).statusCode()).isEqualTo(204);
  }

  @Test
  void monolithicPostWithDigestStoresInOneRequest() {
    Digest digest = Digest.sha256(bytes("mono"));
    HttpResponse<byte[]> r =
        Http.post(base + "/v2/up/mono/blobs/uploads/?digest=" + digest, bytes("mono"));
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.headers().firstValue("Location")).hasValue("/v2/up/mono/blobs/" + digest);
  }

  @Test
  void monolithicPutAfterPostStoresTheBlob() {
    String location =
        Http.post(base + "/v2/up/put/blobs/uploads/", new byte[0])
            .headers()
            .firstValue("Location")
            .orElseThrow();
    Digest digest = Digest.sha256(bytes("whole"));
    assertThat(Http.put(base + location + "?digest=" + digest, bytes("whole")).statusCode())
        .isEqualTo(201);
    assertThat(registry.containsBlob(digest)).isTrue();
  }

  @Test
  void aWrongDigestIsRefusedAndNothingIsStored() {
    Digest claimed = Digest.sha256(bytes("claimed"));
    HttpResponse<byte[]> r =
        Http.post(base + "/v2/up/bad/blobs/uploads/?digest=" + claimed, bytes("actual"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Http.errorCode(r)).isEqualTo("DIGEST_INVALID");
    assertThat(registry.containsBlob(claimed)).isFalse();
  }

  @Test
  void crossRepositoryMountLinksAnExistingBlob() {
    PushedBlob blob = registry.pushBlob("up/source", bytes("shared"), "x");
    HttpResponse<byte[]> r =
        Http.post(
            base + "/v2/up/target/blobs/uploads/?mount=" + blob.digest() + "&from=up/source",
            new byte[0]);
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(Http.get(base + "/v2/up/target/blobs/" + blob.digest()).statusCode()).isEqualTo(200);
  }

  @Test
  void mountOfAnUnknownBlobStartsAnUploadInstead() {
    Digest unknown = Digest.sha256(bytes("nowhere"));
    HttpResponse<byte[]> r =
        Http.post(
            base + "/v2/up/target2/blobs/uploads/?mount=" + unknown + "&from=up/source",
            new byte[0]);
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(r.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/uploads/"));
  }

  @Test
  void unknownUploadsAnswerBlobUploadUnknown() {
    HttpResponse<byte[]> r = Http.send("PATCH", base + "/v2/up/x/blobs/uploads/nope", bytes("a"));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Http.errorCode(r)).isEqualTo("BLOB_UPLOAD_UNKNOWN");
  }

  @Test
  void aPushedManifestIsServedBack() {
    PushedBlob config = registry.pushBlob("up/img", bytes("{}"), ImageFormat.OCI.configType());
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
            + config.digest()
            + "\",\"size\":2},\"layers\":[]}";
    HttpResponse<byte[]> put =
        Http.put(
            base + "/v2/up/img/manifests/v1",
            bytes(manifest),
            "Content-Type",
            ImageFormat.OCI.manifestType());
    assertThat(put.statusCode()).isEqualTo(201);
    HttpResponse<byte[]> get =
        Http.get(base + "/v2/up/img/manifests/v1", "Accept", ImageFormat.OCI.manifestType());
    assertThat(get.body()).isEqualTo(bytes(manifest));
    assertThat(get.headers().firstValue("Docker-Content-Digest"))
        .hasValue(Digest.sha256(bytes(manifest)).toString());
  }
}
