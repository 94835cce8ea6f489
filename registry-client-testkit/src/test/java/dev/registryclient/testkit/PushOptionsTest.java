package dev.registryclient.testkit;

import static dev.registryclient.testkit.UploadSteps.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Registry options that change how pushes go: mounts, chunk sizes, the referrers API. */
class PushOptionsTest {
  private static final int MIN = 1000;
  private static final byte[] BLOB = content(2500);
  private static final Digest DIGEST = Digest.sha256(BLOB);

  @Test
  void aRegistryThatIgnoresMountsStartsAnUploadInstead() {
    try (TestRegistry registry = TestRegistry.builder().ignoreMounts().start()) {
      registry.pushBlob("po/source", BLOB, "application/octet-stream");
      UploadSteps push = new UploadSteps(registry, "po/target");

      HttpResponse<byte[]> mount = push.post("?mount=" + DIGEST + "&from=po/source");
      assertThat(mount.statusCode()).isEqualTo(202);
      String location = UploadSteps.location(mount);
      assertThat(location).startsWith("/v2/po/target/blobs/uploads/");
      assertThat(Http.head(registry.url() + "/v2/po/target/blobs/" + DIGEST).statusCode())
          .as("not mounted")
          .isEqualTo(404);

      assertThat(push.put(location, BLOB, BLOB).statusCode()).isEqualTo(201);
      assertThat(registry.uploads())
          .singleElement()
          .satisfies(
              u -> {
                assertThat(u.state()).isEqualTo(Upload.State.COMMITTED);
                assertThat(u.bytesReceived()).isEqualTo(BLOB.length);
              });
    }
  }

  @Test
  void byDefaultAMountOfAKnownBlobIsMade() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      registry.pushBlob("po/source", BLOB, "application/octet-stream");
      HttpResponse<byte[]> mount =
          new UploadSteps(registry, "po/target").post("?mount=" + DIGEST + "&from=po/source");
      assertThat(mount.statusCode()).isEqualTo(201);
      assertThat(mount.headers().firstValue("Location")).hasValue("/v2/po/target/blobs/" + DIGEST);
    }
  }

  @Test
  void theUploadStartAnnouncesTheMinimumChunkLength() {
    try (TestRegistry registry = TestRegistry.builder().chunkMinLength(MIN).start()) {
      HttpResponse<byte[]> started = new UploadSteps(registry, "po/app").post("");
      assertThat(started.headers().firstValue("OCI-Chunk-Min-Length")).hasValue("1000");
    }
    try (TestRegistry registry = TestRegistry.builder().start()) {
      HttpResponse<byte[]> started = new UploadSteps(registry, "po/app").post("");
      assertThat(started.headers().firstValue("OCI-Chunk-Min-Length")).isEmpty();
    }
    assertThatThrownBy(() -> TestRegistry.builder().chunkMinLength(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyTheFinalChunkMayBeShorterThanTheMinimum() {
    try (TestRegistry registry = TestRegistry.builder().chunkMinLength(MIN).start()) {
      UploadSteps push = new UploadSteps(registry, "po/app");
      String location = push.start();
      assertThat(push.patch(location, BLOB, 0, MIN).statusCode()).isEqualTo(202);
      assertThat(push.patch(location, BLOB, MIN, 2 * MIN).statusCode()).isEqualTo(202);
      assertThat(push.patch(location, BLOB, 2 * MIN, BLOB.length).statusCode())
          .as("a short PATCH may be the last chunk")
          .isEqualTo(202);
      assertThat(push.put(location, BLOB, new byte[0]).statusCode()).isEqualTo(201);
    }
  }

  @Test
  void aChunkAfterAShortOneIsRefusedWith416() {
    try (TestRegistry registry = TestRegistry.builder().chunkMinLength(MIN).start()) {
      UploadSteps push = new UploadSteps(registry, "po/app");
      String location = push.start();
      assertThat(push.patch(location, BLOB, 0, 400).statusCode()).isEqualTo(202);

      HttpResponse<byte[]> next = push.patch(location, BLOB, 400, 1400);
      assertThat(next.statusCode()).isEqualTo(416);
      assertThat(Http.errorCode(next)).isEqualTo("RANGE_INVALID");
      assertThat(next.headers().firstValue("Range")).hasValue("0-399");
      HttpResponse<byte[]> closing =
          push.put(location, BLOB, Arrays.copyOfRange(BLOB, 400, BLOB.length));
      assertThat(closing.statusCode())
          .as("a final chunk in the PUT after a short PATCH")
          .isEqualTo(416);
      assertThat(registry.uploads().get(0).steps())
          .extracting(Upload.Step::status)
          .containsExactly(202, 202, 416, 416);
    }
  }

  @Test
  void withTheReferrersApiOffAClientMustUseTheReferrersTagSchema() {
    try (TestRegistry registry = TestRegistry.builder().referrersApi(false).start()) {
      PushedImage subject = registry.image("po/app").oci().layer(10).push("v1");
      PushedImage sbom =
          registry
              .image("po/app")
              .oci()
              .artifactType("application/spdx+json")
              .subject(subject)
              .layer(5)
              .pushByDigest();
      UploadSteps push = new UploadSteps(registry, "po/app");

      HttpResponse<byte[]> put =
          push.manifestPut(sbom.digest().toString(), sbom.manifest(), sbom.mediaType());
      assertThat(put.statusCode()).isEqualTo(201);
      assertThat(put.headers().firstValue("OCI-Subject")).isEmpty();
      HttpResponse<byte[]> referrers =
          Http.get(registry.url() + "/v2/po/app/referrers/" + subject.digest());
      assertThat(referrers.statusCode()).isEqualTo(404);

      String tag = "sha256-" + subject.digest().hex();
      byte[] index = referrersIndex(sbom).getBytes(StandardCharsets.UTF_8);
      assertThat(push.manifestPut(tag, index, ImageFormat.OCI.indexType()).statusCode())
          .isEqualTo(201);
      assertThat(
              Http.get(
                      registry.url() + "/v2/po/app/manifests/" + tag,
                      "Accept",
                      ImageFormat.OCI.indexType())
                  .body())
          .isEqualTo(index);
    }
  }

  @Test
  void withTheReferrersApiOnAPushedReferrerIsAnnouncedAndListed() {
    try (TestRegistry registry = TestRegistry.builder().referrersApi(true).start()) {
      PushedImage subject = registry.image("po/app").oci().layer(10).push("v1");
      PushedImage sbom = registry.image("po/app").oci().subject(subject).layer(5).pushByDigest();
      HttpResponse<byte[]> put =
          new UploadSteps(registry, "po/app")
              .manifestPut(sbom.digest().toString(), sbom.manifest(), sbom.mediaType());
      assertThat(put.headers().firstValue("OCI-Subject")).hasValue(subject.digest().toString());
      assertThat(Http.get(registry.url() + "/v2/po/app/referrers/" + subject.digest()).statusCode())
          .isEqualTo(200);
    }
  }

  private static String referrersIndex(PushedImage referrer) {
    return "{\"schemaVersion\":2,\"mediaType\":\""
        + ImageFormat.OCI.indexType()
        + "\",\"manifests\":[{\"mediaType\":\""
        + referrer.mediaType()
        + "\",\"digest\":\""
        + referrer.digest()
        + "\",\"size\":"
        + referrer.manifest().length
        + ",\"artifactType\":\"application/spdx+json\"}]}";
  }
}
