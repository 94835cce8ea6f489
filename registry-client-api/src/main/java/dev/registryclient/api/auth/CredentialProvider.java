package dev.registryclient.api.auth;

import java.util.Optional;

/**
 * Finds the credentials for a registry. Implementations read files, ask helpers or return what the
 * caller configured; the SDK asks once per registry (and repository) and caches the answer for the
 * client's lifetime.
 *
 * <pre>{@code
 * CredentialProvider fromVault = (host, repository) ->
 *     host.equals("registry.example")
 *         ? Optional.of(Credentials.usernamePassword("bot", Secret.of(vault.read("registry"))))
 *         : Optional.empty();
 * }</pre>
 *
 * <p>Return {@link Optional#empty()} when this provider knows nothing about the host, so that the
 * next provider of a chain is asked; return {@link Credentials#anonymous()} to stop the chain and
 * go anonymous on purpose. Implementations must be thread-safe and must not log secrets.
 */
@FunctionalInterface
public interface CredentialProvider {

  /**
   * The credentials for a registry.
   *
   * @param registryHost the registry as {@code host} or {@code host:port}, lower case, e.g. {@code
   *     docker.io} or {@code localhost:5000}
   * @param repository the repository the credentials are for, e.g. {@code library/nginx}, when
   *     known; lets file formats with per-repository entries pick the most specific one
   * @return the credentials, or empty when this provider has none for the host
   */
  Optional<Credentials> credentials(String registryHost, Optional<String> repository);
}
