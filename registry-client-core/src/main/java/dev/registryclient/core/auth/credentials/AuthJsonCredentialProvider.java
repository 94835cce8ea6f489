package dev.registryclient.core.auth.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.auth.Credentials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from the podman/skopeo/buildah {@code auth.json} ({@code containers-auth.json(5)}).
 * Files, first match wins: {@code $REGISTRY_AUTH_FILE}, {@code
 * $XDG_RUNTIME_DIR/containers/auth.json}, {@code $XDG_CONFIG_HOME/containers/auth.json} (default
 * {@code ~/.config}). Within a file the most specific key wins, as in containers/image: for {@code
 * quay.io} and repository {@code ns/team/app}, {@code quay.io/ns/team/app} beats {@code
 * quay.io/ns/team}, which beats {@code quay.io/ns}, which beats {@code quay.io}. Legacy URL keys
 * ({@code https://index.docker.io/v1/}) count as host keys.
 *
 * <pre>{@code
 * CredentialProvider podman = new AuthJsonCredentialProvider(Environment.system());
 * }</pre>
 */
public final class AuthJsonCredentialProvider implements CredentialProvider {
  private final Environment environment;

  /**
   * Reads the files of this environment on every lookup.
   *
   * @param environment supplies the variables and the home directory
   */
  public AuthJsonCredentialProvider(Environment environment) {
    this.environment = environment;
  }

  /**
   * The files looked at, in order.
   *
   * @return the {@code auth.json} paths, existing or not
   */
  public List<Path> files() {
    List<Path> files = new ArrayList<>();
    environment.variable("REGISTRY_AUTH_FILE").map(Path::of).ifPresent(files::add);
    environment
        .variable("XDG_RUNTIME_DIR")
        .map(d -> Path.of(d, "containers", "auth.json"))
        .ifPresent(files::add);
    Path config =
        environment
            .variable("XDG_CONFIG_HOME")
            .map(Path::of)
            .orElseGet(() -> environment.home().resolve(".config"));
    files.add(config.resolve("containers").resolve("auth.json"));
    return files;
  }

  @Override
  public Optional<Credentials> credentials(String registryHost, Optional<String> repository) {
    String host = RegistryHosts.canonical(registryHost);
    for (Path file : files()) {
      Optional<ObjectNode> json = CredentialFile.read(file);
      if (json.isPresent()) {
        Optional<Credentials> found =
            lookup(CredentialFile.object(json.get(), "auths", file), host, repository, file);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Credentials> lookup(
      ObjectNode auths, String host, Optional<String> repository, Path file) {
    for (String candidate : candidates(host, repository)) {
      for (Map.Entry<String, JsonNode> e : auths.properties()) {
        if (normalisedKey(e.getKey()).equals(candidate)) {
          Optional<Credentials> found = AuthEntry.decode(e.getValue(), e.getKey(), file);
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** {@code host/a/b/c}, {@code host/a/b}, {@code host/a}, {@code host}: most specific first. */
  private static List<String> candidates(String host, Optional<String> repository) {
    List<String> out = new ArrayList<>();
    String key = host + repository.map(r -> "/" + r).orElse("");
    while (true) {
      out.add(key);
      int slash = key.lastIndexOf('/');
      if (slash < 0) {
        return out;
      }
      key = key.substring(0, slash);
    }
  }

  private static String normalisedKey(String key) {
    if (RegistryHosts.isLegacyKey(key)) {
      return RegistryHosts.canonical(key);
    }
    int slash = key.indexOf('/');
    return slash < 0
        ? RegistryHosts.canonical(key)
        : RegistryHosts.canonical(key.substring(0, slash)) + key.substring(slash);
  }

  @Override
  public String toString() {
    return "AuthJsonCredentialProvider" + files();
  }
}
