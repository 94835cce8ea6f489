package dev.registryclient.core.config;

import static dev.registryclient.core.config.RegistriesConfTest.sources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.config.MirrorRule;
import dev.registryclient.api.config.PullFromMirror;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.config.RegistryRule;
import dev.registryclient.api.exception.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerDaemonMirrorsTest {

  @Test
  void mirrorsServeDockerHubInOrderThenDockerHub(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("daemon.json");
    Files.writeString(
        file,
        """
        {
          "log-driver": "json-file",
          "registry-mirrors": ["https://mirror.gcr.io", "http://10.0.0.5:5000/"],
          "insecure-registries": ["10.0.0.5:5000"]
        }
        """);

    RegistryConfig config = DockerDaemonMirrors.read(file);

    assertThat(config.rules())
        .containsExactly(
            RegistryRule.mirrored(
                "docker.io",
                MirrorRule.of("mirror.gcr.io"),
                new MirrorRule("10.0.0.5:5000", true, PullFromMirror.ALL)));
    assertThat(sources(config, "alpine:3"))
        .containsExactly(
            "mirror mirror.gcr.io/library/alpine:3",
            "mirror 10.0.0.5:5000/library/alpine:3",
            "docker.io/library/alpine:3");
    assertThat(sources(config, "quay.io/app:1")).containsExactly("quay.io/app:1");
  }

  @Test
  void noMirrorsIsNoRule() {
    assertThat(DockerDaemonMirrors.parse("{}", "daemon.json")).isEqualTo(RegistryConfig.none());
    assertThat(DockerDaemonMirrors.parse("{\"registry-mirrors\": []}", "daemon.json"))
        .isEqualTo(RegistryConfig.none());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ftp://mirror.example| the scheme must be https or http",
        "mirror.example| the scheme must be https or http",
        "https://mirror.example/v2/| a path, query or fragment is not allowed",
        "https://mirror.example?x=1| a path, query or fragment is not allowed",
      })
  void aMirrorDockerWouldRefuseIsRefused(String url, String problem) {
    assertThatThrownBy(
            () -> DockerDaemonMirrors.parse("{\"registry-mirrors\": [\"" + url + "\"]}", "d.json"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("d.json")
        .hasMessageContaining(problem);
  }

  @Test
  void aPasswordInAMirrorUrlIsRefusedAndNotRepeated() {
    assertThatThrownBy(
            () ->
                DockerDaemonMirrors.parse(
                    "{\"registry-mirrors\": [\"https://me:s3cret@mirror.example\"]}", "d.json"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("user name and password are not allowed")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void brokenJsonIsAnErrorNamingTheFileAndLine() {
    assertThatThrownBy(() -> DockerDaemonMirrors.parse("{\n\"registry-mirrors\": [\n", "d.json"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("d.json")
        .hasMessageContaining("line");
    assertThatThrownBy(() -> DockerDaemonMirrors.parse("{\"registry-mirrors\": \"x\"}", "d.json"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("must be an array");
  }
}
