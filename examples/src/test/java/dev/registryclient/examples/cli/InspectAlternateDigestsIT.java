package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import dev.registryclient.testkit.distribution.ExternalTool;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real docker-registry (distribution 2.8, schema 1 compatibility on) does when asked for the
 * other schema. A tag holds one manifest there, so "both" only happens by conversion: asked for
 * schema 1 only, it rewrites a Docker schema 2 manifest into a freshly signed schema 1 one (stable
 * digest, new signature each time). A schema 1 tag is served as schema 1 whatever is asked, and an
 * OCI tag asked for schema 1 is a 404. skopeo pushes the images (built by umoci).
 */
class InspectAlternateDigestsIT {
  private static final String SIGNED_SCHEMA1 =
      "application/vnd.docker.distribution.manifest.v1+prettyjws";
  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

  @TempDir static Path tmp;
  static DistributionRegistry registry;
  static String repo;

  @BeforeAll
  static void pushWithSkopeo() throws IOException {
    registry = DistributionRegistry.builder().start();
    repo = registry.hostAndPort() + "/it/alternates";
    Path layout = tmp.resolve("layout");
    ExternalTool umoci = ExternalTool.umoci();
    umoci.runOrFail(TOOL_TIMEOUT, "init", "--layout", layout.toString());
    umoci.runOrFail(TOOL_TIMEOUT, "new", "--image", layout + ":hello");
    Path file = Files.writeString(tmp.resolve("hello.txt"), "hello\n");
    umoci.runOrFail(
        TOOL_TIMEOUT, "insert", "--image", layout + ":hello", file.toString(), "/hello.txt");
    for (String format : new String[] {"v2s2", "v2s1", "oci"}) {
      ExternalTool.skopeo()
          .runOrFail(
              TOOL_TIMEOUT,
              "copy",
              "--dest-tls-verify=false",
              "--format",
              format,
              "oci:" + layout + ":hello",
              "docker://" + repo + ":" + format);
    }
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void schema2TagListsTheSchema1ConversionTheRegistryServes() throws Exception {
    JsonNode json = inspect("v2s2");

    assertThat(json.get("mediaType").asText())
        .isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
    assertThat(json.get("alternateDigests")).hasSize(1);
    assertThat(json.at("/alternateDigests/0/mediaType").asText()).isEqualTo(SIGNED_SCHEMA1);
    assertThat(json.at("/alternateDigests/0/digest").asText())
        .isEqualTo(registryDigest("v2s2", SIGNED_SCHEMA1))
        .isNotEqualTo(json.get("digest").asText());
  }

  @Test
  void schema1TagHasNoAlternateBecauseTheRegistryAnswersSchema1Regardless() throws Exception {
    JsonNode json = inspect("v2s1");

    assertThat(json.get("mediaType").asText()).isEqualTo(SIGNED_SCHEMA1);
    assertThat(json.get("digest").asText()).isEqualTo(registryDigest("v2s1", SIGNED_SCHEMA1));
    assertThat(json.has("alternateDigests")).isFalse();
  }

  @Test
  void ociTagHasNoAlternateBecauseTheRegistryRefusesSchema1() throws Exception {
    JsonNode json = inspect("oci");

    assertThat(json.get("mediaType").asText())
        .isEqualTo("application/vnd.oci.image.manifest.v1+json");
    assertThat(json.has("alternateDigests")).isFalse();
  }

  private static JsonNode inspect(String tag) throws IOException {
    CliRun run = CliRun.of("inspect", repo + ":" + tag);
    assertThat(run.exit()).as(run.toString()).isZero();
    return new ObjectMapper().readTree(run.stdoutBytes());
  }

  /**
   * The registry's {@code Docker-Content-Digest} for {@code tag} asked with only {@code accept}.
   */
  private static String registryDigest(String tag, String accept) throws Exception {
    HttpResponse<Void> head =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(registry.url().resolve("/v2/it/alternates/manifests/" + tag))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("Accept", accept)
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(head.statusCode()).isEqualTo(200);
    return head.headers().firstValue("Docker-Content-Digest").orElseThrow();
  }
}
