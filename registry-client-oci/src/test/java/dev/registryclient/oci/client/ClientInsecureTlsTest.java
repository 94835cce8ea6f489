package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistrySettings;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.api.manifest.ImageManifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClientInsecureTlsTest {

  private static ImageReference app(SelfSignedRegistry registry) {
    return ImageReference.parse(registry.hostAndPort() + "/app");
  }

  private static Stream<String> tags(RegistryClient client, SelfSignedRegistry registry) {
    return client.tags(app(registry));
  }

  @Test
  void aSelfSignedRegistryIsRefusedByDefaultWithAnErrorNamingTheHost() throws Exception {
    try (SelfSignedRegistry registry = SelfSignedRegistry.start();
        RegistryClient client =
            RegistryClient.builder()
                .registry(registry.hostAndPort(), RegistrySettings.defaults().withPlainHttp(false))
                .build()) {
      assertThatThrownBy(() -> tags(client, registry).toList())
          .isInstanceOf(TransportException.class)
          .hasMessageContaining(registry.hostAndPort());
      assertThat(registry.requested()).isEmpty();
    }
  }

  @Test
  void insecureTlsReachesASelfSignedLoopbackRegistryOverHttps() throws Exception {
    try (SelfSignedRegistry registry = SelfSignedRegistry.start();
        RegistryClient client =
            RegistryClient.builder()
                .registry(registry.hostAndPort(), RegistrySettings.defaults().withInsecureTls(true))
                .build();
        Stream<String> tags = tags(client, registry)) {
      assertThat(tags).containsExactly("1.0", "2.0");
    }
  }

  @Test
  void insecureDefaultsApplyToEachRegistryWithoutSettingsOfItsOwn() throws Exception {
    try (SelfSignedRegistry registry = SelfSignedRegistry.start();
        RegistryClient client =
            RegistryClient.builder()
                .defaults(RegistrySettings.defaults().withInsecureTls(true))
                .build()) {
      assertThat(client.manifest(app(registry).withTag("1.0"))).isInstanceOf(ImageManifest.class);
    }
  }

  @Test
  void oneInsecureRegistryLeavesAnotherWithTheSameCertificateProblemVerified() throws Exception {
    try (SelfSignedRegistry lab = SelfSignedRegistry.start();
        SelfSignedRegistry other = SelfSignedRegistry.start();
        RegistryClient client =
            RegistryClient.builder()
                .registry(lab.hostAndPort(), RegistrySettings.defaults().withInsecureTls(true))
                .registry(other.hostAndPort(), RegistrySettings.defaults().withPlainHttp(false))
                .build()) {
      try (Stream<String> tags = tags(client, lab)) {
        assertThat(tags).hasSize(2);
      }
      assertThatThrownBy(() -> tags(client, other).toList())
          .isInstanceOf(TransportException.class)
          .hasMessageContaining(other.hostAndPort());
    }
  }
}
