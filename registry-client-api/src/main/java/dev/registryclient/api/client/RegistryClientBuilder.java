package dev.registryclient.api.client;

import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.auth.Credentials;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Configures a {@link RegistryClient}. Obtain one with {@link RegistryClient#builder()}.
 *
 * <pre>{@code
 * try (RegistryClient client = RegistryClient.builder()
 *     .credentials(CredentialProviders.defaultChain())
 *     .parallelism(6)
 *     .userAgent("my-tool/1.0")
 *     .registry("registry.internal:5000", RegistrySettings.defaults().withPlainHttp(true))
 *     .build()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Not thread-safe; each {@link #build()} makes an independent client.
 */
public final class RegistryClientBuilder {
  /** The {@code User-Agent} sent unless {@link #userAgent(String)} sets another. */
  public static final String DEFAULT_USER_AGENT = "registry-client/0.1";

  private static final CredentialProvider ANONYMOUS =
      new CredentialProvider() {
        @Override
        public Optional<Credentials> credentials(String host, Optional<String> repository) {
          return Optional.empty();
        }

        @Override
        public String toString() {
          return "anonymous";
        }
      };

  private CredentialProvider credentials = ANONYMOUS;
  private int parallelism = ClientSettings.DEFAULT_PARALLELISM;
  private String userAgent = DEFAULT_USER_AGENT;
  private RegistrySettings defaults = RegistrySettings.defaults();
  private final Map<String, RegistrySettings> registries = new HashMap<>();

  RegistryClientBuilder() {}

  /**
   * Where credentials come from, e.g. {@code CredentialProviders.defaultChain()} (docker and podman
   * files, credential helpers). Default: anonymous. Credentials only ever go to the registry they
   * belong to (and its token service), never to a CDN it redirects to.
   */
  public RegistryClientBuilder credentials(CredentialProvider credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    return this;
  }

  /**
   * How many blobs one pull downloads at once (default {@value
   * ClientSettings#DEFAULT_PARALLELISM}).
   *
   * @throws IllegalArgumentException if below 1 or above 64
   */
  public RegistryClientBuilder parallelism(int parallelism) {
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("parallelism must be 1..64, got " + parallelism);
    }
    this.parallelism = parallelism;
    return this;
  }

  /** The {@code User-Agent} sent with every request. */
  public RegistryClientBuilder userAgent(String userAgent) {
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    return this;
  }

  /** The settings for every registry that has none of its own. */
  public RegistryClientBuilder defaults(RegistrySettings settings) {
    this.defaults = Objects.requireNonNull(settings, "settings");
    return this;
  }

  /**
   * The settings for one registry, named as in image references: {@code host[:port]}, e.g. {@code
   * registry.internal:5000}.
   *
   * @throws IllegalArgumentException if {@code registry} is blank or holds a path
   */
  public RegistryClientBuilder registry(String registry, RegistrySettings settings) {
    registries.put(ClientSettings.key(registry), Objects.requireNonNull(settings, "settings"));
    return this;
  }

  /** The settings collected so far. */
  public ClientSettings settings() {
    return new ClientSettings(credentials, parallelism, userAgent, defaults, registries);
  }

  /**
   * Builds the client with the first {@link RegistryClientFactory} found by {@link ServiceLoader}.
   *
   * @throws IllegalStateException if no implementation is on the class or module path
   */
  public RegistryClient build() {
    ClientSettings settings = settings();
    RegistryClientFactory factory =
        ServiceLoader.load(
                RegistryClientFactory.class, RegistryClientFactory.class.getClassLoader())
            .findFirst()
            .or(() -> ServiceLoader.load(RegistryClientFactory.class).findFirst())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no RegistryClientFactory found: put registry-client-oci on the class"
                            + " path or module path"));
    return factory.create(settings);
  }
}
