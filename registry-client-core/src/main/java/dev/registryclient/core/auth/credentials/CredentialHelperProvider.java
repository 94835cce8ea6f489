package dev.registryclient.core.auth.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.core.internal.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from the helpers named in Docker's {@code config.json}: {@code credHelpers[host]}
 * first, else {@code credsStore}, each run as {@code docker-credential-<name> get} (found on the
 * environment's {@code PATH}) with a time limit.
 *
 * <pre>{@code
 * CredentialProvider helpers = new CredentialHelperProvider(Environment.system(), Duration.ofSeconds(10));
 * }</pre>
 */
public final class CredentialHelperProvider implements CredentialProvider {
  private final Environment environment;
  private final Duration timeout;

  /**
   * @param environment where to find {@code config.json} and {@code PATH}
   * @param timeout how long a helper may take before it fails
   */
  public CredentialHelperProvider(Environment environment, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.environment = environment;
    this.timeout = timeout;
  }

  @Override
  public Optional<Credentials> credentials(String registryHost, Optional<String> repository) {
    Path file = DockerConfigCredentialProvider.configFile(environment);
    Optional<ObjectNode> json = CredentialFile.read(file);
    if (json.isEmpty()) {
      return Optional.empty();
    }
    String host = RegistryHosts.canonical(registryHost);
    Optional<String> helper = Optional.empty();
    for (Map.Entry<String, JsonNode> e :
        CredentialFile.object(json.get(), "credHelpers", file).properties()) {
      if (RegistryHosts.canonical(e.getKey()).equals(host) && e.getValue().isTextual()) {
        helper = Optional.of(e.getValue().textValue());
      }
    }
    if (helper.isEmpty()) {
      helper = Json.string(json.get(), "credsStore").filter(store -> !store.isBlank());
    }
    String serverUrl =
        host.equals(RegistryHosts.DOCKER_HUB) ? RegistryHosts.DOCKER_HUB_LEGACY_KEY : host;
    return helper.flatMap(name -> new CredentialHelper(name, environment, timeout).get(serverUrl));
  }
}
