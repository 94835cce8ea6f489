package dev.registryclient.core.auth.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.exception.RegistryClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialHelperProviderTest {
  @TempDir Path home;
  private Path bin;
  private Environment env;

  @BeforeEach
  void setUp() throws Exception {
    bin = Files.createDirectories(home.resolve("bin"));
    Files.createDirectories(home.resolve(".docker"));
    env = Environment.of(Map.of("PATH", bin.toString()), home);
    // a fake helper: knows ghcr.io (password) and docker hub (identity token), nothing else
    helper(
        "test",
        """
        #!/bin/sh
        read host
        case "$host" in
          ghcr.io) echo '{"ServerURL":"ghcr.io","Username":"helper-user","Secret":"helper-pw"}' ;;
          https://index.docker.io/v1/) echo '{"ServerURL":"x","Username":"<token>","Secret":"refresh"}' ;;
          slow.example) sleep 5 ;;
          broken.example) echo 'boom: helper-internal-secret' ; exit 3 ;;
          *) echo 'credentials not found in native keychain' ; exit 1 ;;
        esac
        """);
  }

  private void helper(String name, String script) throws Exception {
    Path p = bin.resolve("docker-credential-" + name);
    Files.writeString(p, script);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
  }

  private CredentialHelperProvider provider(String config, Duration timeout) throws Exception {
    Files.writeString(home.resolve(".docker/config.json"), config);
    return new CredentialHelperProvider(env, timeout);
  }

  @Test
  void credHelperAnswersWithUsernameAndSecret() throws Exception {
    CredentialHelperProvider p =
        provider("{\"credHelpers\":{\"ghcr.io\":\"test\"}}", Duration.ofSeconds(5));
    assertThat(p.credentials("ghcr.io", Optional.empty()))
        .contains(Credentials.usernamePassword("helper-user", Secret.of("helper-pw")));
  }

  @Test
  void credsStoreIsAskedWithTheDockerHubServerUrlAndTokenUserMeansIdentityToken() throws Exception {
    CredentialHelperProvider p = provider("{\"credsStore\":\"test\"}", Duration.ofSeconds(5));
    assertThat(p.credentials("docker.io", Optional.empty()))
        .contains(Credentials.identityToken(Optional.empty(), Secret.of("refresh")));
  }

  @Test
  void credentialsNotFoundIsAnEmptyAnswer() throws Exception {
    CredentialHelperProvider p = provider("{\"credsStore\":\"test\"}", Duration.ofSeconds(5));
    assertThat(p.credentials("unknown.example", Optional.empty())).isEmpty();
  }

  @Test
  void failingHelperIsATypedErrorWithoutItsOutput() throws Exception {
    CredentialHelperProvider p = provider("{\"credsStore\":\"test\"}", Duration.ofSeconds(5));
    assertThatThrownBy(() -> p.credentials("broken.example", Optional.empty()))
        .isInstanceOf(RegistryClientException.class)
        .hasMessageContaining("docker-credential-test")
        .hasMessageContaining("exit code 3")
        .hasMessageNotContaining("helper-internal-secret");
  }

  @Test
  void helperOverTheTimeLimitIsStopped() throws Exception {
    CredentialHelperProvider p = provider("{\"credsStore\":\"test\"}", Duration.ofMillis(300));
    assertThatThrownBy(() -> p.credentials("slow.example", Optional.empty()))
        .isInstanceOf(RegistryClientException.class)
        .hasMessageContaining("did not answer");
  }

  @Test
  void missingHelperProgramIsNamed() throws Exception {
    CredentialHelperProvider p =
        provider("{\"credHelpers\":{\"ghcr.io\":\"absent\"}}", Duration.ofSeconds(5));
    assertThatThrownBy(() -> p.credentials("ghcr.io", Optional.empty()))
        .isInstanceOf(RegistryClientException.class)
        .hasMessageContaining("docker-credential-absent");
  }
}
