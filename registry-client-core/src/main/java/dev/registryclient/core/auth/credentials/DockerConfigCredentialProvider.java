package dev.registryclient.core.auth.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.auth.Credentials;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials stored inline in Docker's {@code config.json} ({@code $DOCKER_CONFIG/config.json},
 * else {@code ~/.docker/config.json}), under {@code auths}: base64 {@code auth}, {@code
 * identitytoken} (used as an OAuth2 refresh token) and {@code registrytoken}. Keys may be host
 * names or legacy URLs ({@code https://index.docker.io/v1/}). Helpers ({@code credHelpers}, {@code
 * credsStore}) are {@link CredentialHelperProvider}'s job.
 *
 * <pre>{@code
 * CredentialProvider docker = new DockerConfigCredentialProvider(Environment.system());
 * }</pre>
 */
public final class DockerConfigCredentialProvider implements CredentialProvider {
  private final Environment environment;

  /**
   * Reads the config file of this environment on every lookup (it may change).
   *
   * @param environment supplies {@code DOCKER_CONFIG} and the home directory
   */
  public DockerConfigCredentialProvider(Environment environment) {
    this.environment = environment;
  }

  /**
   * The config file this provider reads.
   *
   * @param environment supplies {@code DOCKER_CONFIG} and the home directory
   * @return {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}
   */
  public static Path configFile(Environment environment) {
    return environment
        .variable("DOCKER_CONFIG")
        .map(Path::of)
        .orElseGet(() -> environment.home().resolve(".docker"))
        .resolve("config.json");
  }

  @Override
  public Optional<Credentials> credentials(String registryHost, Optional<String> repository) {
    Path file = configFile(environment);
    Optional<ObjectNode> json = CredentialFile.read(file);
    if (json.isEmpty()) {
      return Optional.empty();
    }
    String host = RegistryHosts.canonical(registryHost);
    for (Map.Entry<String, JsonNode> e :
        CredentialFile.object(json.get(), "auths", file).properties()) {
      if (RegistryHosts.canonical(e.getKey()).equals(host)) {
        Optional<Credentials> found = AuthEntry.decode(e.getValue(), e.getKey(), file);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "DockerConfigCredentialProvider[" + configFile(environment) + "]";
  }
}
