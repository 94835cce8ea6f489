package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistrySettings;
import dev.registryclient.api.client.Retries;
import dev.registryclient.api.config.MirrorRule;
import dev.registryclient.api.config.PullFromMirror;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.config.RegistryRule;
import dev.registryclient.api.exception.SourcesFailedException;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.core.store.MemoryBlobStore;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mirror marked {@code insecure} in {@code registries.conf} on a host that is not loopback by
 * name ({@code mirror.insecure.test}, which the test hosts file maps to 127.0.0.1): reached over
 * https without verification when it speaks TLS, over plain http when it does not (as
 * containers/image), and never over plain http when not marked insecure. The primary, {@code
 * registry.redhat.io}, does not resolve here, so only the mirror can serve.
 */
class ClientInsecureMirrorTest {
  private static final String PRIMARY = "registry.redhat.io";
  private static final String MIRROR_HOST = "mirror.insecure.test";

  private static RegistryClient client(int mirrorPort, boolean insecure) {
    MirrorRule mirror =
        new MirrorRule(MIRROR_HOST + ":" + mirrorPort, insecure, PullFromMirror.ALL);
    // the test kit does not answer a TLS handshake (docker-registry answers 400 at once): a short
    // read timeout ends each https attempt on it quickly
    return RegistryClient.builder()
        .registryConfig(RegistryConfig.of(List.of(RegistryRule.mirrored(PRIMARY, mirror))))
        .defaults(
            RegistrySettings.defaults()
                .withReadTimeout(Duration.ofSeconds(2))
                .withRetries(
                    Retries.of(2, Duration.ofSeconds(20)).withFirstBackoff(Duration.ofMillis(10))))
        .build();
  }

  private static int port(String hostAndPort) {
    return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
  }

  @Test
  void anInsecureMirrorWithoutTlsIsPulledFromOverPlainHttp() {
    try (TestRegistry mirror = TestRegistry.builder().start();
        RegistryClient client = client(port(mirror.hostAndPort()), true)) {
      PushedImage image = mirror.image("ubi9/ubi").layer(3000).push("9.4");

      PullResult result =
          client
              .pull(ImageReference.parse(PRIMARY + "/ubi9/ubi@" + image.digest()))
              .into(new MemoryBlobStore())
              .execute();

      assertThat(result.manifest().digest()).isEqualTo(image.digest());
      assertThat(result.source().reference().registry())
          .isEqualTo(MIRROR_HOST + ":" + port(mirror.hostAndPort()));
      assertThat(mirror.journal().matching("GET", ".*/manifests/.*")).isNotEmpty();
    }
  }

  @Test
  void aMirrorWithoutTlsThatIsNotMarkedInsecureIsNeverSpokenToOverPlainHttp() {
    try (TestRegistry mirror = TestRegistry.builder().start();
        RegistryClient client = client(port(mirror.hostAndPort()), false)) {
      PushedImage image = mirror.image("ubi9/ubi").layer(3000).push("9.4");

      assertThatThrownBy(
              () ->
                  client
                      .pull(ImageReference.parse(PRIMARY + "/ubi9/ubi@" + image.digest()))
                      .into(new MemoryBlobStore())
                      .execute())
          .isInstanceOf(SourcesFailedException.class)
          .hasMessageContaining(MIRROR_HOST);
      assertThat(mirror.journal().matching("GET", ".*/manifests/.*")).isEmpty();
    }
  }

  @Test
  void anInsecureMirrorThatSpeaksTlsIsReachedOverHttpsWithoutVerification() throws Exception {
    try (SelfSignedRegistry mirror = SelfSignedRegistry.start();
        RegistryClient client = client(port(mirror.hostAndPort()), true)) {
      assertThat(client.manifest(ImageReference.parse(PRIMARY + "/app:1.0")))
          .isInstanceOf(ImageManifest.class);
      assertThat(mirror.requested()).anySatisfy(path -> assertThat(path).contains("/manifests/"));
    }
  }
}
