package dev.registryclient.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistryClientBuilderTest {

  @Test
  void defaultsAreFourBlobsAtOnceAndTheLibraryUserAgent() {
    ClientSettings s = RegistryClient.builder().settings();
    assertThat(s.parallelism()).isEqualTo(4);
    assertThat(s.userAgent()).isEqualTo(RegistryClientBuilder.DEFAULT_USER_AGENT);
    assertThat(s.forRegistry("ghcr.io")).isEqualTo(RegistrySettings.defaults());
  }

  @Test
  void perRegistrySettingsAreFoundCaseInsensitively() {
    RegistrySettings slow = RegistrySettings.defaults().withReadTimeout(Duration.ofMinutes(5));
    ClientSettings s = RegistryClient.builder().registry("Registry.Example:5000", slow).settings();
    assertThat(s.forRegistry("registry.example:5000")).isEqualTo(slow);
    assertThat(s.forRegistry("registry.example")).isEqualTo(RegistrySettings.defaults());
  }

  @Test
  void aRegistryWithAPathIsRejectedNamingIt() {
    assertThatThrownBy(
            () -> RegistryClient.builder().registry("r.example/ns", RegistrySettings.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("r.example/ns");
  }

  @Test
  void parallelismOutsideOneToSixtyFourIsRejected() {
    assertThatThrownBy(() -> RegistryClient.builder().parallelism(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
    assertThatThrownBy(() -> RegistryClient.builder().parallelism(65))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aUserAgentWithALineBreakIsRejected() {
    assertThatThrownBy(() -> RegistryClient.builder().userAgent("a\r\nX-Evil: 1").settings())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user agent");
  }

  @Test
  void buildingWithoutAnImplementationOnThePathSaysWhatIsMissing() {
    assertThatThrownBy(() -> RegistryClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("registry-client-oci");
  }
}
