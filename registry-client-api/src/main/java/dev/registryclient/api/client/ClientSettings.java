package dev.registryclient.api.client;

import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.trust.SignatureStores;
import dev.registryclient.api.trust.TrustPolicy;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a {@link RegistryClientBuilder} collected, handed to the {@link RegistryClientFactory}
 * that builds the client. Users normally meet this only through the builder.
 *
 * <pre>{@code
 * RegistrySettings s = settings.forRegistry("localhost:5000"); // per-registry or the defaults
 * }</pre>
 *
 * @param credentials where credentials come from; anonymous unless the builder was given some
 * @param parallelism how many blobs one pull downloads at once, at least 1
 * @param userAgent the {@code User-Agent} sent with every request
 * @param defaults the settings for registries without their own
 * @param registries per-registry settings keyed by {@code host[:port]} in lower case
 * @param registryConfig mirrors and relocations: where images really come from
 * @param trustPolicy the signatures pulls require, if any (no verification when empty)
 * @param signatureStores where simple-signing signatures are kept (lookaside stores)
 */
public record ClientSettings(
    CredentialProvider credentials,
    int parallelism,
    String userAgent,
    RegistrySettings defaults,
    Map<String, RegistrySettings> registries,
    RegistryConfig registryConfig,
    Optional<TrustPolicy> trustPolicy,
    SignatureStores signatureStores) {

  /** The default {@link #parallelism()}. */
  public static final int DEFAULT_PARALLELISM = 4;

  /**
   * Validates and copies.
   *
   * @param credentials where credentials come from; anonymous unless the builder was given some
   * @param parallelism how many blobs one pull downloads at once, at least 1
   * @param userAgent the {@code User-Agent} sent with every request
   * @param defaults the settings for registries without their own
   * @param registries per-registry settings keyed by {@code host[:port]} in lower case
   * @param registryConfig mirrors and relocations: where images really come from
   * @param trustPolicy the signatures pulls require, if any (no verification when empty)
   * @param signatureStores where simple-signing signatures are kept (lookaside stores)
   * @throws IllegalArgumentException if {@code parallelism} is below 1 or above 64, or the user
   *     agent is blank or holds control characters
   */
  public ClientSettings {
    Objects.requireNonNull(credentials, "credentials");
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("parallelism must be 1..64, got " + parallelism);
    }
    Objects.requireNonNull(userAgent, "userAgent");
    if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException(
          "user agent must be non-blank printable text, got \"" + userAgent + "\"");
    }
    Objects.requireNonNull(defaults, "defaults");
    Map<String, RegistrySettings> copy = new TreeMap<>();
    Objects.requireNonNull(registries, "registries")
        .forEach((host, s) -> copy.put(key(host), Objects.requireNonNull(s, host)));
    registries = Map.copyOf(copy);
    Objects.requireNonNull(registryConfig, "registryConfig");
    Objects.requireNonNull(trustPolicy, "trustPolicy");
    Objects.requireNonNull(signatureStores, "signatureStores");
  }

  /**
   * Settings without a trust policy.
   *
   * @param credentials where credentials come from
   * @param parallelism how many blobs one pull downloads at once, 1 to 64
   * @param userAgent the {@code User-Agent} sent with every request
   * @param defaults the settings for registries without their own
   * @param registries per-registry settings keyed by {@code host[:port]}
   * @param registryConfig mirrors and relocations
   * @throws IllegalArgumentException if {@code parallelism} is below 1 or above 64, or the user
   *     agent is blank or holds control characters
   */
  public ClientSettings(
      CredentialProvider credentials,
      int parallelism,
      String userAgent,
      RegistrySettings defaults,
      Map<String, RegistrySettings> registries,
      RegistryConfig registryConfig) {
    this(
        credentials,
        parallelism,
        userAgent,
        defaults,
        registries,
        registryConfig,
        Optional.empty(),
        SignatureStores.none());
  }

  /**
   * Settings without mirrors or relocations.
   *
   * @param credentials where credentials come from
   * @param parallelism how many blobs one pull downloads at once, 1 to 64
   * @param userAgent the {@code User-Agent} sent with every request
   * @param defaults the settings for registries without their own
   * @param registries per-registry settings keyed by {@code host[:port]}
   * @throws IllegalArgumentException if {@code parallelism} is below 1 or above 64, or the user
   *     agent is blank or holds control characters
   */
  public ClientSettings(
      CredentialProvider credentials,
      int parallelism,
      String userAgent,
      RegistrySettings defaults,
      Map<String, RegistrySettings> registries) {
    this(credentials, parallelism, userAgent, defaults, registries, RegistryConfig.none());
  }

  /**
   * Whether {@code registry} has settings of its own (not the defaults).
   *
   * @param registry the registry, {@code host[:port]}, case-insensitive
   * @return {@code true} if {@link #registries()} has an entry for it
   * @throws IllegalArgumentException if {@code registry} is blank or holds a path
   */
  public boolean hasSettingsFor(String registry) {
    return registries.containsKey(key(registry));
  }

  /**
   * The settings for {@code registry} ({@code host[:port]}, case-insensitive).
   *
   * @param registry the registry, {@code host[:port]}
   * @return its own settings, else {@link #defaults()}
   * @throws IllegalArgumentException if {@code registry} is blank or holds a path
   */
  public RegistrySettings forRegistry(String registry) {
    return registries.getOrDefault(key(registry), defaults);
  }

  static String key(String registry) {
    Objects.requireNonNull(registry, "registry");
    if (registry.isBlank() || registry.contains("/")) {
      throw new IllegalArgumentException(
          "a registry is host[:port] without a path, got \"" + registry + "\"");
    }
    return registry.toLowerCase(Locale.ROOT);
  }
}
