package dev.registryclient.core.auth.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.exception.InvalidContentException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialFilesTest {
  @TempDir Path home;

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(Path file, String json) throws Exception {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, json);
  }

  @Test
  void dockerConfigAuthIdentityTokenAndRegistryTokenAreRead() throws Exception {
    Path dir = home.resolve("custom-docker");
    write(
        dir.resolve("config.json"),
        "{\"auths\":{"
            + "\"https://index.docker.io/v1/\":{\"auth\":\""
            + b64("hubuser:hubpw")
            + "\"},"
            + "\"acr.example\":{\"auth\":\""
            + b64("00000000-0000-0000-0000-000000000000:")
            + "\",\"identitytoken\":\"refresh-1\"},"
            + "\"localhost:5000\":{\"registrytoken\":\"ready-token\"}}}");
    DockerConfigCredentialProvider p =
        new DockerConfigCredentialProvider(
            Environment.of(Map.of("DOCKER_CONFIG", dir.toString()), home));
    assertThat(p.credentials("registry-1.docker.io", Optional.empty()))
        .contains(Credentials.usernamePassword("hubuser", Secret.of("hubpw")));
    assertThat(p.credentials("acr.example", Optional.empty()).orElseThrow())
        .isEqualTo(
            Credentials.identityToken(
                Optional.of("00000000-0000-0000-0000-000000000000"), Secret.of("refresh-1")));
    assertThat(p.credentials("localhost:5000", Optional.empty()))
        .contains(Credentials.bearerToken(Secret.of("ready-token")));
    assertThat(p.credentials("other.example", Optional.empty())).isEmpty();
  }

  @Test
  void dockerConfigDefaultsToTheHomeDirectoryAndMissingFilesAreSkipped() throws Exception {
    DockerConfigCredentialProvider p =
        new DockerConfigCredentialProvider(Environment.of(Map.of(), home));
    assertThat(p.credentials("ghcr.io", Optional.empty())).isEmpty();
    write(
        home.resolve(".docker/config.json"),
        "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + b64("me:tok") + "\"}}}");
    assertThat(p.credentials("ghcr.io", Optional.empty()))
        .contains(Credentials.usernamePassword("me", Secret.of("tok")));
  }

  @Test
  void malformedFileIsATypedErrorNamingTheFileButNotItsContent() throws Exception {
    Path file =
        write(
            home.resolve(".docker/config.json"),
            "{\"auths\":{\"ghcr.io\":{\"auth\":\"c2VjcmV0LXZhbHVl");
    DockerConfigCredentialProvider p =
        new DockerConfigCredentialProvider(Environment.of(Map.of(), home));
    assertThatThrownBy(() -> p.credentials("ghcr.io", Optional.empty()))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageNotContaining("c2VjcmV0");
  }

  @Test
  void membersOfTheWrongTypeAreErrorsNamingTheMemberOrCountAsAbsent() throws Exception {
    Path file = home.resolve(".docker/config.json");
    DockerConfigCredentialProvider p =
        new DockerConfigCredentialProvider(Environment.of(Map.of(), home));
    write(file, "{\"auths\":[]}");
    assertThatThrownBy(() -> p.credentials("ghcr.io", Optional.empty()))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("\"auths\" is not an object");
    write(file, "{\"auths\":{\"ghcr.io\":null}}");
    assertThatThrownBy(() -> p.credentials("ghcr.io", Optional.empty()))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("entry \"ghcr.io\" is not an object");
    write(file, "{\"auths\":null}");
    assertThat(p.credentials("ghcr.io", Optional.empty())).isEmpty();
    write(file, "{\"auths\":{\"ghcr.io\":{\"username\":\"me\",\"password\":42}}}");
    assertThat(p.credentials("ghcr.io", Optional.empty())).isEmpty();
  }

  @Test
  void authJsonMostSpecificKeyWins() throws Exception {
    Path file =
        write(
            home.resolve("auth.json"),
            "{\"auths\":{"
                + "\"quay.io\":{\"auth\":\""
                + b64("host:pw")
                + "\"},"
                + "\"quay.io/ns\":{\"auth\":\""
                + b64("ns:pw")
                + "\"},"
                + "\"quay.io/ns/team/app\":{\"auth\":\""
                + b64("app:pw")
                + "\"}}}");
    AuthJsonCredentialProvider p =
        new AuthJsonCredentialProvider(
            Environment.of(Map.of("REGISTRY_AUTH_FILE", file.toString()), home));
    assertThat(user(p, "quay.io", "ns/team/app")).isEqualTo("app");
    assertThat(user(p, "quay.io", "ns/team/other")).isEqualTo("ns");
    assertThat(user(p, "quay.io", "elsewhere/x")).isEqualTo("host");
    assertThat(user(p, "quay.io", null)).isEqualTo("host");
  }

  @Test
  void authJsonFilesAreSearchedInOrderAndDockerHubLegacyKeyIsAnAlias() throws Exception {
    Path runtime = home.resolve("run");
    write(
        runtime.resolve("containers/auth.json"),
        "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + b64("runtime:pw") + "\"}}}");
    write(
        home.resolve(".config/containers/auth.json"),
        "{\"auths\":{"
            + "\"ghcr.io\":{\"auth\":\""
            + b64("config:pw")
            + "\"},"
            + "\"https://index.docker.io/v1/\":{\"auth\":\""
            + b64("hub:pw")
            + "\"}}}");
    AuthJsonCredentialProvider p =
        new AuthJsonCredentialProvider(
            Environment.of(Map.of("XDG_RUNTIME_DIR", runtime.toString()), home));
    assertThat(user(p, "ghcr.io", "a/b")).isEqualTo("runtime");
    assertThat(user(p, "docker.io", "library/nginx")).isEqualTo("hub");
  }

  @Test
  void chainAsksInOrderAndStaticCredentialsComeFirst() throws Exception {
    write(
        home.resolve(".docker/config.json"),
        "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + b64("file:pw") + "\"}}}");
    Environment env = Environment.of(Map.of("PATH", ""), home);
    var chain =
        CredentialProviders.chain(
            StaticCredentialProvider.builder()
                .add("quay.io", Credentials.usernamePassword("explicit", Secret.of("x")))
                .build(),
            CredentialProviders.defaultChain(env));
    assertThat(user(chain, "quay.io", null)).isEqualTo("explicit");
    assertThat(user(chain, "ghcr.io", null)).isEqualTo("file");
    assertThat(chain.credentials("nowhere.example", Optional.empty())).isEmpty();
  }

  private static String user(
      dev.registryclient.api.auth.CredentialProvider p, String host, String repo) {
    return ((Credentials.UsernamePassword)
            p.credentials(host, Optional.ofNullable(repo)).orElseThrow())
        .username();
  }
}
