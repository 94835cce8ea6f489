package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.testkit.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials configured through the builder alone: per registry, from one auth file. */
class ClientCredentialsTest {
  private final TestRegistry registry = TestRegistry.builder().tokenAuth("alice", "s3cret").start();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    registry.close();
  }

  private String repository() {
    registry.image("private/app").layer(64).push("v1");
    return registry.hostAndPort() + "/private/app";
  }

  private static Credentials alice(String password) {
    return Credentials.usernamePassword("alice", Secret.of(password));
  }

  @Test
  void credentialsForOneRegistryLogIntoIt() {
    String repository = repository();
    try (RegistryClient client =
            RegistryClient.builder().credentials(registry.hostAndPort(), alice("s3cret")).build();
        Stream<String> tags = client.tags(repository)) {
      assertThat(tags).containsExactly("v1");
    }
  }

  @Test
  void credentialsForOneRegistryComeBeforeTheProvider() {
    String repository = repository();
    try (RegistryClient client =
            RegistryClient.builder()
                .credentials((host, repo) -> Optional.of(alice("wrong")))
                .credentials(registry.hostAndPort(), alice("s3cret"))
                .build();
        Stream<String> tags = client.tags(repository)) {
      assertThat(tags).containsExactly("v1");
    }
  }

  @Test
  void credentialsForAnotherRegistryLeaveThisOneAnonymous() {
    String repository = repository();
    try (RegistryClient client =
        RegistryClient.builder().credentials("other.example", alice("s3cret")).build()) {
      assertThatThrownBy(() -> client.tags(repository).toList())
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("credentials required");
    }
  }

  @Test
  void anAuthFileGivesTheCredentialsItNames() throws Exception {
    String repository = repository();
    String auth =
        Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
    Path file =
        Files.writeString(
            dir.resolve("auth.json"),
            "{\"auths\":{\"" + registry.hostAndPort() + "\":{\"auth\":\"" + auth + "\"}}}");

    try (RegistryClient client = RegistryClient.builder().authFile(file).build();
        Stream<String> tags = client.tags(repository)) {
      assertThat(tags).containsExactly("v1");
    }
  }

  @Test
  void anAuthFileThatDoesNotExistIsRefusedNamingIt() {
    Path missing = dir.resolve("nope.json");

    assertThatThrownBy(() -> RegistryClient.builder().authFile(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toString());
  }
}
