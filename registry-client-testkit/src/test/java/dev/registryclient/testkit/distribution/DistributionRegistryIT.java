package dev.registryclient.testkit.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionRegistryIT {
  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void startsOnLoopbackAndAnswersTheApiVersionCheck() throws Exception {
    Path storage;
    try (DistributionRegistry registry = DistributionRegistry.builder().start()) {
      assertThat(registry.hostAndPort()).startsWith("127.0.0.1:");
      HttpResponse<String> ping = get(registry.url().resolve("/v2/"), "*/*");
      assertThat(ping.statusCode()).isEqualTo(200);
      assertThat(ping.headers().firstValue("Docker-Distribution-Api-Version"))
          .contains("registry/2.0");
      storage = registry.workDirectory();
      assertThat(storage.resolve("config.yml")).exists();
    }
    assertThat(storage).doesNotExist();
  }

  @Test
  void servesWhatSkopeoPushedAsSchema2AndSignedSchema1(@TempDir Path tmp) throws Exception {
    Path layout = tmp.resolve("layout");
    ExternalTool umoci = ExternalTool.umoci();
    umoci.runOrFail(TOOL_TIMEOUT, "init", "--layout", layout.toString());
    umoci.runOrFail(TOOL_TIMEOUT, "new", "--image", layout + ":base");
    Path file = Files.writeString(tmp.resolve("hello.txt"), "hello\n");
    umoci.runOrFail(
        TOOL_TIMEOUT, "insert", "--image", layout + ":base", file.toString(), "/hello.txt");

    try (DistributionRegistry registry = DistributionRegistry.builder().start()) {
      String repo = registry.hostAndPort() + "/test/hello";
      ExternalTool skopeo = ExternalTool.skopeo();
      skopeo.runOrFail(
          TOOL_TIMEOUT,
          "copy",
          "--dest-tls-verify=false",
          "--format",
          "v2s2",
          "oci:" + layout + ":base",
          "docker://" + repo + ":v2");
      skopeo.runOrFail(
          TOOL_TIMEOUT,
          "copy",
          "--dest-tls-verify=false",
          "--format",
          "v2s1",
          "oci:" + layout + ":base",
          "docker://" + repo + ":v1");

      HttpResponse<String> v2 =
          get(
              registry.url().resolve("/v2/test/hello/manifests/v2"),
              "application/vnd.docker.distribution.manifest.v2+json");
      assertThat(v2.statusCode()).isEqualTo(200);
      assertThat(v2.headers().firstValue("Content-Type"))
          .contains("application/vnd.docker.distribution.manifest.v2+json");

      HttpResponse<String> v1 =
          get(
              registry.url().resolve("/v2/test/hello/manifests/v1"),
              "application/vnd.docker.distribution.manifest.v1+prettyjws");
      assertThat(v1.statusCode()).isEqualTo(200);
      assertThat(v1.body()).contains("\"signatures\"").contains("\"fsLayers\"");
      assertThat(v1.headers().firstValue("Docker-Content-Digest"))
          .isPresent()
          .isNotEqualTo(v2.headers().firstValue("Docker-Content-Digest"));
    }
  }

  @Test
  void aPullThroughCacheServesItsUpstreamsImagesAndThenHoldsTheirBlobs(@TempDir Path tmp)
      throws Exception {
    Path layout = SmallImages.helloLayout(tmp, "base", "cached\n");
    try (DistributionRegistry upstream = DistributionRegistry.builder().start();
        DistributionRegistry cache = DistributionRegistry.builder().proxy(upstream.url()).start()) {
      SmallImages.push(layout, "base", upstream.hostAndPort() + "/test/hello:1", "v2s2");
      HttpResponse<String> manifest =
          get(
              cache.url().resolve("/v2/test/hello/manifests/1"),
              "application/vnd.docker.distribution.manifest.v2+json");
      assertThat(manifest.statusCode()).isEqualTo(200);
      String layer =
          manifest.body().replaceAll("(?s).*\"layers\".*?\"digest\"\\s*:\\s*\"([^\"]+)\".*", "$1");
      assertThat(cache.holdsBlob("test/hello", layer)).isFalse();

      assertThat(get(cache.url().resolve("/v2/test/hello/blobs/" + layer), "*/*").statusCode())
          .isEqualTo(200);

      // stored in the background after the answer: bounded wait
      for (int i = 0; i < 100 && !cache.holdsBlob("test/hello", layer); i++) {
        Thread.sleep(50);
      }
      assertThat(cache.holdsBlob("test/hello", layer)).isTrue();
      assertThat(upstream.holdsBlob("test/hello", layer)).isTrue();
    }
  }

  @Test
  void missingProgramsAreReportedWithTheirInstallCommand() {
    ExternalTool absent =
        ExternalTool.named("definitely-not-installed-tool-x", "definitely-not-installed-tool-x");
    assertThatThrownBy(absent::require)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apt-get install -y definitely-not-installed-tool-x");
  }

  private HttpResponse<String> get(URI uri, String accept) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(10))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
