package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.testkit.distribution.DistributionRegistry;
import dev.registryclient.testkit.distribution.ExternalTool;
import dev.registryclient.testkit.distribution.SmallImages;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls through a CDN front cross origins and still get real docker-registry data. */
class CdnFrontIT {
  private static final String V2_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";

  @TempDir static Path tmp;
  static DistributionRegistry registry;
  static CdnFront front;
  static String layerDigest;

  @BeforeAll
  static void startAndPush() {
    registry = DistributionRegistry.builder().start();
    front = CdnFront.builder(registry.url()).urlLifetime(Duration.ofMinutes(1)).start();
    Path layout = SmallImages.helloLayout(tmp, "v1", "hello through the cdn\n");
    SmallImages.push(layout, "v1", registry.hostAndPort() + "/test/hello:v1", "v2s2");
    HttpResponse<byte[]> manifest =
        Http.get(registry.url() + "/v2/test/hello/manifests/v1", "Accept", V2_MANIFEST);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> layers =
        (List<Map<String, Object>>) Http.json(manifest).get("layers");
    layerDigest = (String) layers.get(0).get("digest");
  }

  @AfterAll
  static void stop() {
    if (front != null) {
      front.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void skopeoPullsThroughTheFrontAndUmociUnpacksTheFile() throws Exception {
    front.journal().clear();
    Path out = tmp.resolve("pulled");
    ExternalTool.skopeo()
        .runOrFail(
            SmallImages.TOOL_TIMEOUT,
            "copy",
            "--src-tls-verify=false",
            "docker://" + front.hostAndPort() + "/test/hello:v1",
            "oci:" + out + ":v1");
    Path bundle = tmp.resolve("bundle");
    ExternalTool.umoci()
        .runOrFail(
            SmallImages.TOOL_TIMEOUT,
            "unpack",
            "--rootless",
            "--image",
            out + ":v1",
            bundle.toString());
    assertThat(Files.readString(bundle.resolve("rootfs/hello.txt")))
        .isEqualTo("hello through the cdn\n");

    List<RecordedRequest> cdn = front.journal().cdn();
    assertThat(cdn).extracting(RecordedRequest::status).isNotEmpty().containsOnly(200);
    assertThat(cdn).noneMatch(RecordedRequest::hasAuthorization);
    assertThat(
            front
                .journal()
                .matching(
                    RequestMatcher.any()
                        .method("GET")
                        .on("^/v2/test/hello/blobs/")
                        .at(RecordedRequest.Origin.REGISTRY)))
        .extracting(RecordedRequest::status)
        .containsOnly(302);
    // the same query without the origin also finds the CDN downloads the redirects led to
    assertThat(front.journal().matching("GET", "^/v2/test/hello/blobs/")).containsAll(cdn);
  }

  @Test
  void manifestsAndTagsPassThroughUnchanged() {
    HttpResponse<byte[]> direct =
        Http.get(registry.url() + "/v2/test/hello/manifests/v1", "Accept", V2_MANIFEST);
    HttpResponse<byte[]> viaFront =
        Http.get(front.url() + "/v2/test/hello/manifests/v1", "Accept", V2_MANIFEST);
    assertThat(viaFront.statusCode()).isEqualTo(200);
    assertThat(viaFront.body()).isEqualTo(direct.body());
    assertThat(viaFront.headers().firstValue("Docker-Content-Digest"))
        .isEqualTo(direct.headers().firstValue("Docker-Content-Digest"));
    assertThat(Http.text(Http.get(front.url() + "/v2/test/hello/tags/list")))
        .isEqualTo(Http.text(Http.get(registry.url() + "/v2/test/hello/tags/list")));
  }

  @Test
  void blobRedirectsGoToAnotherHostAndServeRanges() {
    URI location = redirectFor(layerDigest);
    assertThat(location.getHost()).isEqualTo(front.cdnUrl().getHost());
    assertThat(location.getPort()).isEqualTo(front.cdnUrl().getPort());
    byte[] whole = Http.get(registry.url() + "/v2/test/hello/blobs/" + layerDigest).body();

    HttpResponse<byte[]> ranged = Http.get(location.toString(), "Range", "bytes=2-9");
    assertThat(ranged.statusCode()).isEqualTo(206);
    assertThat(ranged.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, 2, 10));
    assertThat(ranged.headers().firstValue("Docker-Content-Digest")).isEmpty();
  }

  @Test
  void theCdnRefusesCredentialsBadSignaturesAndExpiredUrls() {
    URI location = redirectFor(layerDigest);
    assertThat(Http.get(location.toString(), "Authorization", "Bearer x").statusCode())
        .isEqualTo(400);
    assertThat(Http.get(location.toString().replace("signature=", "signature=x")).statusCode())
        .isEqualTo(403);
    front.advanceClock(Duration.ofMinutes(2));
    HttpResponse<byte[]> expired = Http.get(location.toString());
    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(Http.text(expired)).contains("expired");
  }

  @Test
  void unknownBlobsAre404FromTheRegistryNotRedirects() {
    HttpResponse<byte[]> r =
        Http.get(front.url() + "/v2/test/hello/blobs/sha256:" + "0".repeat(64));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Http.text(r)).contains("BLOB_UNKNOWN");
  }

  @Test
  void theFrontOnlyServesPulls() {
    HttpResponse<byte[]> r =
        Http.post(
            front.url() + "/v2/test/hello/blobs/uploads/", "x".getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(405);
  }

  private static URI redirectFor(String digest) {
    HttpResponse<byte[]> r = Http.get(front.url() + "/v2/test/hello/blobs/" + digest);
    assertThat(r.statusCode()).isEqualTo(302);
    return URI.create(r.headers().firstValue("Location").orElseThrow());
  }
}
