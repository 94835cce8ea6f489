package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tag lists and the catalog, paginated by a real docker-registry and by the test kit. */
class ListingIT {
  private static final List<String> REPOSITORIES =
      List.of("it/list-a", "it/list-b", "it/list-c", "it/list-d", "it/list-e");

  @TempDir static Path tmp;
  static DistributionRegistry registry;
  static RegistryClient client;

  @BeforeAll
  static void pushWithSkopeo() {
    registry = DistributionRegistry.builder().catalogPageSize(2).start();
    client = RegistryClient.builder().build();
    Path layout = Images.helloLayout(tmp, "v1", "listed\n");
    for (String repo : REPOSITORIES) {
      Images.push(layout, "v1", registry.hostAndPort() + "/" + repo + ":v1", "--format", "oci");
    }
    for (String tag : List.of("v2", "v3", "latest")) {
      Images.push(layout, "v1", registry.hostAndPort() + "/it/list-a:" + tag, "--format", "oci");
    }
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void allTagsOfARealRepositoryAreListed() {
    assertThat(tags(client, registry.hostAndPort() + "/it/list-a"))
        .containsExactlyInAnyOrder("v1", "v2", "v3", "latest");
  }

  @Test
  void theRealCatalogIsPaginatedAndFollowedToItsEnd() throws Exception {
    HttpResponse<Void> firstPage =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(registry.url() + "/v2/_catalog"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(firstPage.headers().firstValue("Link"))
        .as("docker-registry paginates the catalog")
        .hasValueSatisfying(link -> assertThat(link).contains("rel=\"next\""));

    try (Stream<String> catalog = client.catalog(registry.hostAndPort())) {
      assertThat(catalog).containsExactlyElementsOf(REPOSITORIES);
    }
  }

  private static List<String> tags(RegistryClient client, String repository) {
    try (Stream<String> tags = client.tags(repository)) {
      return tags.toList();
    }
  }

  @Test
  void tagsServedFiftyPerPageByTheTestKitAreAllListed() {
    try (TestRegistry kit = TestRegistry.builder().tagPageSize(50).start()) {
      PushedImage image = kit.image("it/many").layer(16).push("t000");
      List<String> tags = IntStream.range(0, 120).mapToObj(i -> String.format("t%03d", i)).toList();
      tags.forEach(t -> kit.pushManifest("it/many", t, image.mediaType(), image.manifest()));

      assertThat(tags(client, kit.hostAndPort() + "/it/many")).containsExactlyElementsOf(tags);
      assertThat(kit.journal().matching("GET", "/v2/it/many/tags/list.*")).hasSize(3);
    }
  }
}
