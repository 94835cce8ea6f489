package dev.registryclient.api.client;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.trust.SignatureStores;
import dev.registryclient.api.trust.TrustPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Configures a {@link RegistryClient}. Obtain one with {@link RegistryClient#builder()}.
 *
 * <pre>{@code
 * try (RegistryClient client = RegistryClient.builder()
 *     .defaultCredentials()                                   // docker/podman login files
 *     .credentials("ghcr.io", Credentials.usernamePassword("ci", Secret.of(token))) // first
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
  private final Map<String, Credentials> perRegistry = new LinkedHashMap<>();
  private RegistryConfig registryConfig = RegistryConfig.none();
  private TrustPolicy trustPolicy;
  private SignatureStores signatureStores = SignatureStores.none();

  RegistryClientBuilder() {}

  /**
   * Where credentials come from, for registries without {@linkplain #credentials(String,
   * Credentials) credentials of their own}: a provider of yours, or see {@link
   * #defaultCredentials()} and {@link #authFile(Path)}. Default: anonymous. Credentials only ever
   * go to the registry they belong to (and its token service), never to a CDN it redirects to.
   *
   * <pre>{@code
   * builder.credentials((host, repository) -> host.equals("registry.example")
   *     ? Optional.of(Credentials.usernamePassword("bot", Secret.of(vault.read("registry"))))
   *     : Optional.empty());
   * }</pre>
   *
   * @param credentials the provider asked for each registry's credentials
   * @return this builder
   */
  public RegistryClientBuilder credentials(CredentialProvider credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    return this;
  }

  /**
   * Credentials from what {@code podman login} and {@code docker login} stored, as {@code docker
   * pull} finds them: podman/skopeo {@code auth.json} ({@code $REGISTRY_AUTH_FILE}, {@code
   * $XDG_RUNTIME_DIR/containers/auth.json}, {@code ~/.config/containers/auth.json}), then Docker's
   * {@code config.json} ({@code $DOCKER_CONFIG} or {@code ~/.docker}), then Docker credential
   * helpers; anonymous for registries none of them knows. Replaces an earlier {@link
   * #credentials(CredentialProvider)} or {@link #authFile(Path)}.
   *
   * <pre>{@code
   * RegistryClient client = RegistryClient.builder().defaultCredentials().build();
   * }</pre>
   *
   * @throws IllegalStateException if no implementation is on the class or module path
   * @return this builder
   */
  public RegistryClientBuilder defaultCredentials() {
    return credentials(factory().defaultCredentials());
  }

  /**
   * Credentials from this one file only, in the {@code auth.json} format of podman and skopeo
   * (Docker's {@code config.json} has the same {@code auths}); anonymous for registries it does not
   * name. Replaces an earlier {@link #credentials(CredentialProvider)} or {@link
   * #defaultCredentials()}.
   *
   * <pre>{@code
   * RegistryClient client = RegistryClient.builder().authFile(Path.of("ci/auth.json")).build();
   * }</pre>
   *
   * @param file the {@code auth.json} file to read
   * @return this builder
   * @throws IllegalArgumentException if {@code file} is not a regular file
   * @throws IllegalStateException if no implementation is on the class or module path
   */
  public RegistryClientBuilder authFile(Path file) {
    if (!Files.isRegularFile(Objects.requireNonNull(file, "file"))) {
      throw new IllegalArgumentException("no credentials file at " + file);
    }
    return credentials(factory().authFileCredentials(file));
  }

  /**
   * These credentials for {@code registry}, asked before the {@linkplain
   * #credentials(CredentialProvider) provider}, which still answers for every other registry.
   * Docker Hub may be named {@code docker.io}, {@code index.docker.io} or by its API host {@code
   * registry-1.docker.io}.
   *
   * <pre>{@code
   * builder.credentials("ghcr.io", Credentials.usernamePassword("me", Secret.of(token)));
   * }</pre>
   *
   * @param registry as in image references: {@code host[:port]}, e.g. {@code localhost:5000}
   * @param credentials the credentials for that registry
   * @return this builder
   * @throws IllegalArgumentException if {@code registry} is not a registry name
   */
  public RegistryClientBuilder credentials(String registry, Credentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    String apiHost = ImageReference.of(registry, "any").registryApiHost();
    perRegistry.put(ClientSettings.key(registry), credentials);
    perRegistry.put(apiHost.toLowerCase(Locale.ROOT), credentials);
    return this;
  }

  /**
   * How many blobs one pull downloads at once (default {@value
   * ClientSettings#DEFAULT_PARALLELISM}).
   *
   * @param parallelism the number of concurrent blob downloads per pull, 1 to 64
   * @return this builder
   * @throws IllegalArgumentException if below 1 or above 64
   */
  public RegistryClientBuilder parallelism(int parallelism) {
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("parallelism must be 1..64, got " + parallelism);
    }
    this.parallelism = parallelism;
    return this;
  }

  /**
   * The {@code User-Agent} sent with every request.
   *
   * @param userAgent the header value
   * @return this builder
   */
  public RegistryClientBuilder userAgent(String userAgent) {
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    return this;
  }

  /**
   * The settings for every registry that has none of its own.
   *
   * @param settings the default per-registry settings
   * @return this builder
   */
  public RegistryClientBuilder defaults(RegistrySettings settings) {
    this.defaults = Objects.requireNonNull(settings, "settings");
    return this;
  }

  /**
   * The settings for one registry, named as in image references: {@code host[:port]}, e.g. {@code
   * registry.internal:5000}.
   *
   * @param registry the registry, {@code host[:port]}
   * @param settings the settings for it, replacing the defaults
   * @return this builder
   * @throws IllegalArgumentException if {@code registry} is blank or holds a path
   */
  public RegistryClientBuilder registry(String registry, RegistrySettings settings) {
    registries.put(ClientSettings.key(registry), Objects.requireNonNull(settings, "settings"));
    return this;
  }

  /**
   * Mirrors and relocations to honour: pulls (and inspects, tag lists, copies from a registry) try
   * the mirrors of a matching rule first, then its location, failing over to the next source; see
   * {@link RegistryConfig}. Default: none, every reference is fetched from where it says.
   *
   * <pre>{@code
   * RegistryClient client = RegistryClient.builder()
   *     .registryConfig(RegistryConfig.of(List.of(RegistryRule.mirrored("registry.redhat.io",
   *         MirrorRule.of("mirror.internal:5000/redhat")))))
   *     .build();
   * }</pre>
   *
   * @param config the mirror and relocation rules
   * @return this builder
   */
  public RegistryClientBuilder registryConfig(RegistryConfig config) {
    this.registryConfig = Objects.requireNonNull(config, "config");
    return this;
  }

  /**
   * The mirrors and relocations podman and skopeo use: {@code $CONTAINERS_REGISTRIES_CONF}, else
   * {@code ~/.config/containers/registries.conf} or {@code /etc/containers/registries.conf}, with
   * their {@code registries.conf.d} drop-ins; none when there is no such file.
   *
   * @throws IllegalStateException if no implementation is on the class or module path
   * @throws dev.registryclient.api.exception.RegistryException if a file cannot be read or parsed
   *     (naming the file and line)
   * @return this builder
   */
  public RegistryClientBuilder defaultRegistryConfig() {
    return registryConfig(factory().defaultRegistryConfig());
  }

  /**
   * The mirrors and relocations of this one {@code registries.conf} file (TOML, as {@code
   * containers-registries.conf(5)} describes it; no drop-ins).
   *
   * <pre>{@code
   * RegistryClient client = RegistryClient.builder()
   *     .registriesConf(Path.of("/etc/containers/registries.conf.d/50-mirror.conf"))
   *     .build();
   * }</pre>
   *
   * @param file the {@code registries.conf} file to read
   * @return this builder
   * @throws dev.registryclient.api.exception.RegistryException if it cannot be read or parsed
   *     (naming the file and line)
   */
  public RegistryClientBuilder registriesConf(Path file) {
    return registryConfig(factory().registriesConf(Objects.requireNonNull(file, "file")));
  }

  /**
   * Requires every pull (and the source of every copy) to satisfy {@code policy}: its signatures
   * are fetched and checked after the manifest is read and before any blob is stored, and a
   * rejected image stores nothing ({@link dev.registryclient.api.exception.ImageRejectedException}
   * naming the scope and each signature). Default: no verification.
   *
   * <pre>{@code
   * RegistryClient client = RegistryClient.builder()
   *     .trustPolicy(policy)                       // e.g. from policy.json
   *     .signatureStores(stores)                   // lookaside stores, e.g. from registries.d
   *     .build();
   * }</pre>
   *
   * @param policy the policy every pulled image must satisfy
   * @return this builder
   */
  public RegistryClientBuilder trustPolicy(TrustPolicy policy) {
    this.trustPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Where simple-signing signatures are read from (lookaside stores); default none.
   *
   * @param stores the signature store configuration
   * @return this builder
   */
  public RegistryClientBuilder signatureStores(SignatureStores stores) {
    this.signatureStores = Objects.requireNonNull(stores, "stores");
    return this;
  }

  /**
   * {@link #trustPolicy(TrustPolicy)} from a {@code containers-policy.json(5)} file, as podman and
   * skopeo read {@code /etc/containers/policy.json}. Only the {@code docker} transport's scopes
   * apply to registries; key files it names are read when an image is checked.
   *
   * <pre>{@code
   * RegistryClient client = RegistryClient.builder()
   *     .policyJson(Path.of("/etc/containers/policy.json"))
   *     .registriesD(Path.of("/etc/containers/registries.d"))
   *     .build();
   * }</pre>
   *
   * @param file the {@code policy.json} file to read
   * @return this builder
   * @throws dev.registryclient.api.exception.RegistryClientException naming the file and what is
   *     wrong with it
   */
  public RegistryClientBuilder policyJson(Path file) {
    return trustPolicy(factory().policyJson(Objects.requireNonNull(file, "file")));
  }

  /**
   * {@link #signatureStores(SignatureStores)} from a {@code containers-registries.d(5)} directory:
   * the lookaside store of each scope, from every {@code *.yaml} file in it.
   *
   * @param directory the {@code registries.d} directory to read
   * @return this builder
   * @throws dev.registryclient.api.exception.RegistryClientException naming the file and what is
   *     wrong with it
   */
  public RegistryClientBuilder registriesD(Path directory) {
    return signatureStores(factory().registriesD(Objects.requireNonNull(directory, "directory")));
  }

  /**
   * The settings collected so far.
   *
   * @return a snapshot of the settings, as {@link #build()} would pass them to the factory
   */
  public ClientSettings settings() {
    CredentialProvider provider =
        perRegistry.isEmpty() ? credentials : new PerRegistryCredentials(perRegistry, credentials);
    return new ClientSettings(
        provider,
        parallelism,
        userAgent,
        defaults,
        registries,
        registryConfig,
        Optional.ofNullable(trustPolicy),
        signatureStores);
  }

  /**
   * Builds the client with the first {@link RegistryClientFactory} found by {@link ServiceLoader}.
   *
   * @throws IllegalStateException if no implementation is on the class or module path
   * @return a new client, to be closed by the caller
   */
  public RegistryClient build() {
    return factory().create(settings());
  }

  private static RegistryClientFactory factory() {
    return ServiceLoader.load(
            RegistryClientFactory.class, RegistryClientFactory.class.getClassLoader())
        .findFirst()
        .or(() -> ServiceLoader.load(RegistryClientFactory.class).findFirst())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no RegistryClientFactory found: put registry-client-oci on the class"
                        + " path or module path"));
  }
}
