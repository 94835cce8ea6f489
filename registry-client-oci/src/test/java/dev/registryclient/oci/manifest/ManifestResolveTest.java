package dev.registryclient.oci.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.RegistryEndpoints;
import dev.registryclient.oci.testing.KitClients;
import dev.registryclient.oci.testing.StubRegistry;
import dev.registryclient.oci.testing.StubRegistry.Reply;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestResolveTest {

  @Test
  void headResolvesATagWithoutDownloadingTheManifest() {
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = KitClients.anonymous()) {
      PushedImage pushed = registry.image("team/app").oci().layer(10).push("v1");
      ManifestFetcher fetcher = ManifestFetcher.create(transport, KitClients.endpoints(registry));
      registry.journal().clear();

      Descriptor resolved = fetcher.resolve("team/app", "v1");

      assertThat(resolved)
          .isEqualTo(Descriptor.of(MediaType.OCI_MANIFEST, pushed.digest(), pushed.size()));
      assertThat(registry.journal().matching("HEAD", "/v2/team/app/manifests/v1")).hasSize(1);
      assertThat(registry.journal().matching("GET", "/v2/team/app/manifests/.*")).isEmpty();
    }
  }

  @Test
  void headResolvesSchema1ToThePayloadDigest() {
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = KitClients.anonymous()) {
      PushedImage pushed = registry.image("team/old").layer(10).pushSchema1("v1");
      ManifestFetcher fetcher = ManifestFetcher.create(transport, KitClients.endpoints(registry));

      Descriptor resolved = fetcher.resolve("team/old", "v1");

      assertThat(resolved.digest()).isEqualTo(pushed.digest());
      assertThat(resolved.mediaType().isSchema1()).isTrue();
    }
  }

  @Test
  void missingDockerContentDigestFallsBackToAVerifiedGet() throws Exception {
    byte[] index =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[]}"
            .getBytes(UTF_8);
    try (StubRegistry stub = StubRegistry.start();
        Transport transport = KitClients.anonymous()) {
      stub.on(
          "/v2/team/app/manifests/v1",
          new Reply(200, Map.of("Content-Type", MediaType.OCI_INDEX.toString()), index));
      ManifestFetcher fetcher = ManifestFetcher.create(transport, RegistryEndpoints.of(stub.url()));

      Descriptor resolved = fetcher.resolve("team/app", "v1");

      assertThat(resolved)
          .isEqualTo(Descriptor.of(MediaType.OCI_INDEX, Digest.sha256(index), index.length));
      assertThat(stub.requests())
          .containsExactly("HEAD /v2/team/app/manifests/v1", "GET /v2/team/app/manifests/v1");
    }
  }
}
