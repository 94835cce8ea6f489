package dev.registryclient.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.api.trust.PolicyRequirement;
import dev.registryclient.core.auth.credentials.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which policy.json is read: the home directory's if it exists, else the system's. */
class PolicyJsonLoadTest {
  @TempDir Path home;
  @TempDir Path etc;

  private static final String REJECT = "{\"default\": [{\"type\": \"reject\"}]}";
  private static final String ACCEPT = "{\"default\": [{\"type\": \"insecureAcceptAnything\"}]}";

  private Environment env() {
    return Environment.of(Map.of(), home);
  }

  @Test
  void theSystemPolicyWhenTheUserHasNone() throws IOException {
    Files.writeString(etc.resolve("policy.json"), REJECT);

    assertThat(PolicyJson.load(env(), etc).defaultRequirements())
        .containsExactly(new PolicyRequirement.Reject());
  }

  @Test
  void theUsersPolicyWinsOverTheSystems() throws IOException {
    Files.writeString(etc.resolve("policy.json"), REJECT);
    Path user = home.resolve(".config/containers/policy.json");
    Files.createDirectories(user.getParent());
    Files.writeString(user, ACCEPT);

    assertThat(PolicyJson.load(env(), etc).defaultRequirements())
        .containsExactly(new PolicyRequirement.InsecureAcceptAnything());
  }

  @Test
  void noPolicyAnywhereIsAnErrorNamingBothFiles() {
    assertThatThrownBy(() -> PolicyJson.load(env(), etc))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(home.resolve(".config/containers/policy.json").toString())
        .hasMessageContaining(etc.resolve("policy.json").toString());
  }

  @Test
  void anErrorNamesTheFileRead() throws IOException {
    Path user = home.resolve(".config/containers/policy.json");
    Files.createDirectories(user.getParent());
    Files.writeString(user, "{\"default\": []}");

    assertThatThrownBy(() -> PolicyJson.load(env(), etc))
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.file()).isEqualTo(user.toString()));
  }

  @Test
  void aFileOverOneMebibyteIsRefused() throws IOException {
    Path big = etc.resolve("policy.json");
    Files.writeString(big, " ".repeat(ConfigFile.MAX_SIZE + 1) + REJECT);

    assertThatThrownBy(() -> PolicyJson.read(big))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("larger than 1 MiB");
  }
}
