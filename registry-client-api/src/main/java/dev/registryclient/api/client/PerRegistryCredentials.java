package dev.registryclient.api.client;

import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.auth.Credentials;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The credentials given per registry with {@link RegistryClientBuilder#credentials(String,
 * Credentials)}, asked first, then the builder's provider. {@code toString()} names the hosts only.
 */
final class PerRegistryCredentials implements CredentialProvider {
  private final Map<String, Credentials> byHost;
  private final CredentialProvider others;

  /**
   * Asks {@code byHost} first.
   *
   * @param byHost credentials keyed by lower-case {@code host[:port]}
   * @param others asked for every host not in {@code byHost}
   */
  PerRegistryCredentials(Map<String, Credentials> byHost, CredentialProvider others) {
    this.byHost = Map.copyOf(byHost);
    this.others = others;
  }

  @Override
  public Optional<Credentials> credentials(String registryHost, Optional<String> repository) {
    Credentials mine = byHost.get(registryHost.toLowerCase(Locale.ROOT));
    return mine != null ? Optional.of(mine) : others.credentials(registryHost, repository);
  }

  @Override
  public String toString() {
    return "credentials for " + new TreeSet<>(byHost.keySet()) + ", then " + others;
  }
}
