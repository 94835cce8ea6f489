package dev.registryclient.core.auth.credentials;

import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.auth.Credentials;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials given in code, per registry host. {@code toString()} names the hosts only.
 *
 * <pre>{@code
 * CredentialProvider mine = StaticCredentialProvider.builder()
 *     .add("ghcr.io", Credentials.usernamePassword("me", Secret.of(token)))
 *     .build();
 * }</pre>
 */
public final class StaticCredentialProvider implements CredentialProvider {
  private final Map<String, Credentials> byHost;

  private StaticCredentialProvider(Map<String, Credentials> byHost) {
    this.byHost = Map.copyOf(byHost);
  }

  /**
   * A builder starting empty.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<Credentials> credentials(String registryHost, Optional<String> repository) {
    return Optional.ofNullable(byHost.get(RegistryHosts.canonical(registryHost)));
  }

  @Override
  public String toString() {
    return "StaticCredentialProvider" + byHost.keySet();
  }

  /** Collects credentials per host. */
  public static final class Builder {
    private final Map<String, Credentials> byHost = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Credentials for a host ({@code host} or {@code host:port}; Docker Hub aliases merge).
     *
     * @param registryHost the registry's host, {@code host} or {@code host:port}
     * @param credentials the credentials for it
     * @return this builder
     */
    public Builder add(String registryHost, Credentials credentials) {
      byHost.put(
          RegistryHosts.canonical(registryHost),
          Objects.requireNonNull(credentials, "credentials"));
      return this;
    }

    /**
     * The provider.
     *
     * @return the provider
     */
    public StaticCredentialProvider build() {
      return new StaticCredentialProvider(byHost);
    }
  }
}
