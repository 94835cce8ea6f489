package dev.registryclient.oci.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.ImageConfig;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.testing.KitClients;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import org.junit.jupiter.api.Test;

class ConfigFetchTest {

  @Test
  void configOfAFetchedManifestDecodesWithItsPlatform() {
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = KitClients.anonymous()) {
      registry.image("team/app").platform("linux", "arm64").layer(10).push("v1");
      ManifestFetcher fetcher = ManifestFetcher.create(transport, KitClients.endpoints(registry));
      ImageManifest manifest = (ImageManifest) fetcher.fetch("team/app", "v1");

      ImageConfig config = fetcher.fetchConfig("team/app", manifest.config());

      assertThat(config.os()).isEqualTo("linux");
      assertThat(config.architecture()).isEqualTo("arm64");
      assertThat(config.digest()).isEqualTo(manifest.config().digest());
    }
  }

  @Test
  void corruptedConfigBytesAreAMismatchInTheConfigPhase() {
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.wrongBytes().on("/blobs/")).start();
        Transport transport = KitClients.anonymous()) {
      PushedImage pushed = registry.image("team/app").layer(10).push("v1");
      ManifestFetcher fetcher = ManifestFetcher.create(transport, KitClients.endpoints(registry));
      Descriptor config = ((ImageManifest) fetcher.fetch("team/app", "v1")).config();

      assertThatThrownBy(() -> fetcher.fetchConfig("team/app", config))
          .isInstanceOfSatisfying(
              DigestMismatchException.class,
              e -> {
                assertThat(e.expected()).isEqualTo(pushed.config().digest().toString());
                assertThat(e.context().phase()).isEqualTo(Phase.CONFIG);
              });
    }
  }

  @Test
  void configAnnouncedAboveTheLimitIsRefusedWithoutARequest() {
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = KitClients.anonymous()) {
      registry.image("team/app").layer(10).push("v1");
      ManifestFetcher fetcher = ManifestFetcher.create(transport, KitClients.endpoints(registry));
      Descriptor config = ((ImageManifest) fetcher.fetch("team/app", "v1")).config();
      Descriptor huge =
          Descriptor.of(config.mediaType(), config.digest(), ManifestCodec.DEFAULT_MAX_BYTES + 1L);
      registry.journal().clear();

      assertThatThrownBy(() -> fetcher.fetchConfig("team/app", huge))
          .isInstanceOf(InvalidContentException.class)
          .hasMessageContaining("limit");
      assertThat(registry.journal().all()).isEmpty();
    }
  }
}
