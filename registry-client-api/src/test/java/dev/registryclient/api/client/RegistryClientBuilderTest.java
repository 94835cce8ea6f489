package dev.registryclient.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import java.time.Duration;
import java.util.Optional;
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
  void credentialsForDockerHubAnswerForItsApiHostToo() {
    Credentials me = Credentials.usernamePassword("me", Secret.of("pw"));
    CredentialProvider p =
        RegistryClient.builder().credentials("docker.io", me).settings().credentials();

    assertThat(p.credentials("registry-1.docker.io", Optional.empty())).contains(me);
    assertThat(p.credentials("docker.io", Optional.of("library/alpine"))).contains(me);
    assertThat(p.credentials("ghcr.io", Optional.empty())).isEmpty();
  }

  @Test
  void credentialsForOneRegistryComeFirstAndTheProviderAnswersForTheRest() {
    Credentials mine = Credentials.usernamePassword("me", Secret.of("pw"));
    Credentials others = Credentials.usernamePassword("ci", Secret.of("other"));
    CredentialProvider p =
        RegistryClient.builder()
            .credentials("Registry.Example:5000", mine)
            .credentials((host, repository) -> Optional.of(others))
            .settings()
            .credentials();

    assertThat(p.credentials("registry.example:5000", Optional.empty())).contains(mine);
    assertThat(p.credentials("ghcr.io", Optional.empty())).contains(others);
    assertThat(p.toString()).contains("registry.example:5000").doesNotContain("pw", "other");
  }

  @Test
  void credentialsForSomethingThatIsNoRegistryAreRejected() {
    Credentials me = Credentials.usernamePassword("me", Secret.of("pw"));
    assertThatThrownBy(() -> RegistryClient.builder().credentials("r.example/ns", me))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultCredentialsWithoutAnImplementationOnThePathSaysWhatIsMissing() {
    assertThatThrownBy(() -> RegistryClient.builder().defaultCredentials())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("registry-client-oci");
  }

  @Test
  void buildingWithoutAnImplementationOnThePathSaysWhatIsMissing() {
    assertThatThrownBy(() -> RegistryClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("registry-client-oci");
  }
}
