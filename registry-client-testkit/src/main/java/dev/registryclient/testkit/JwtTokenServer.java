package dev.registryclient.testkit;

import com.sun.net.httpserver.HttpServer;
import dev.registryclient.testkit.RecordedRequest.Origin;
import dev.registryclient.testkit.internal.AccessRules;
import dev.registryclient.testkit.internal.JwtSigner;
import dev.registryclient.testkit.internal.KitServers;
import dev.registryclient.testkit.internal.RegistryClock;
import dev.registryclient.testkit.internal.TokenHandler;
import dev.registryclient.testkit.internal.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A standalone token server (bearer realm) issuing the ES256 JWTs a real distribution registry
 * accepts, for {@code docker-registry} started with {@code auth.token}. It speaks the same flows as
 * {@link TestRegistry}'s token endpoint: Docker {@code GET} with optional Basic credentials
 * (anonymous tokens for public repositories, {@code offline_token=true} for a refresh token) and
 * OAuth2 {@code POST} with {@code grant_type=password} or {@code refresh_token}.
 *
 * <pre>{@code
 * try (JwtTokenServer tokens = JwtTokenServer.builder()
 *         .user("alice", "secret").grant("alice", "private/*", "pull", "push")
 *         .publicRepository("public/*")
 *         .start();
 *     DistributionRegistry registry = DistributionRegistry.builder().tokenAuth(tokens).start()) {
 *   // anonymous pulls of public/... work, private/... needs alice
 * }
 * }</pre>
 *
 * <p>{@link #rootCertBundle()} is a PEM file with the self-signed certificate of the signing key;
 * {@link #close()} stops the server and deletes it.
 */
public final class JwtTokenServer implements AutoCloseable {
  private static final String CERT_FILE = "token-signer.pem";

  private final KitServers servers;
  private final HttpServer server;
  private final JwtSigner signer;
  private final Path certDirectory;
  private final Journal journal;

  private JwtTokenServer(
      KitServers servers,
      HttpServer server,
      JwtSigner signer,
      Path certDirectory,
      Journal journal) {
    this.servers = servers;
    this.server = server;
    this.signer = signer;
    this.certDirectory = certDirectory;
    this.journal = journal;
  }

  /**
   * A builder with no users and no public repositories.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The token endpoint, {@code http://127.0.0.1:PORT/token}: the registry's {@code realm}.
   *
   * @return the token endpoint's URL, for the registry's {@code auth.token.realm}
   */
  public URI realm() {
    return URI.create("http://" + KitServers.hostAndPort(server) + "/token");
  }

  /**
   * The service name, which is also every token's audience.
   *
   * @return the service name, for the registry's {@code auth.token.service}
   */
  public String service() {
    return signer.audience();
  }

  /**
   * The issuer every token names.
   *
   * @return the {@code iss} of every token, for the registry's {@code auth.token.issuer}
   */
  public String issuer() {
    return signer.issuer();
  }

  /**
   * A PEM file with the certificate of the key that signs the tokens.
   *
   * @return the path of the PEM file, for the registry's {@code auth.token.rootcertbundle}
   */
  public Path rootCertBundle() {
    return certDirectory.resolve(CERT_FILE);
  }

  /**
   * The libtrust id of the signing key, the {@code kid} of every token.
   *
   * @return the signing key's libtrust key id
   */
  public String keyId() {
    return signer.keyId();
  }

  /**
   * The token requests answered so far (all with origin {@code TOKEN}).
   *
   * @return this server's live request journal
   */
  public Journal journal() {
    return journal;
  }

  /** Stops the server and deletes the certificate file. */
  @Override
  public void close() {
    servers.close();
    deleteCertificate(certDirectory);
  }

  @Override
  public String toString() {
    return "JwtTokenServer[" + realm() + ", service " + service() + "]";
  }

  private static void deleteCertificate(Path directory) {
    try {
      Files.deleteIfExists(directory.resolve(CERT_FILE));
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + directory, e);
    }
  }

  /**
   * Users, grants, public repositories and token lifetime of a {@link JwtTokenServer}. Reusable:
   * each {@link #start()} starts an independent server with its own key.
   */
  public static final class Builder {

    private final AccessRules access = new AccessRules();
    private String service = "docker-registry-it";
    private String issuer = "registry-client-testkit";
    private Duration tokenLifetime = Duration.ofMinutes(5);

    private Builder() {}

    /**
     * Adds a user, who may do nothing until granted.
     *
     * @param user the user name; a user added again gets the new password
     * @param password the user's password
     * @return this builder
     */
    public Builder user(String user, String password) {
      access.user(user, password);
      return this;
    }

    /**
     * Lets {@code user} perform {@code actions} in repositories matching the glob.
     *
     * @param user a user added with {@link #user} before
     * @param repositoryGlob the repositories the grant covers, e.g. {@code team/*} ({@code *}
     *     matches anything, including {@code /})
     * @param actions the actions allowed there: {@code pull}, {@code push}, {@code delete} or
     *     {@code *}
     * @return this builder
     * @throws IllegalArgumentException if {@code user} has not been added
     */
    public Builder grant(String user, String repositoryGlob, String... actions) {
      access.grant(user, repositoryGlob, actions);
      return this;
    }

    /**
     * Lets anyone pull from repositories matching {@code repositoryGlob}.
     *
     * @param repositoryGlob the public repositories, e.g. {@code public/*}
     * @return this builder
     */
    public Builder publicRepository(String repositoryGlob) {
      access.publicRepository(repositoryGlob);
      return this;
    }

    /**
     * The service name and token audience (default {@code docker-registry-it}).
     *
     * @param name the service name; not null
     * @return this builder
     */
    public Builder service(String name) {
      service = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * The token issuer (default {@code registry-client-testkit}).
     *
     * @param name the issuer; not null
     * @return this builder
     */
    public Builder issuer(String name) {
      issuer = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * How long tokens stay valid (default 5 minutes; distribution adds 60 s of leeway).
     *
     * @param lifetime the tokens' lifetime; positive
     * @return this builder
     * @throws IllegalArgumentException if {@code lifetime} is zero or negative
     */
    public Builder tokenLifetime(Duration lifetime) {
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("token lifetime must be positive: " + lifetime);
      }
      tokenLifetime = lifetime;
      return this;
    }

    /**
     * Writes the certificate, binds a free loopback port and starts answering.
     *
     * @return the started server; close it to stop it
     * @throws UncheckedIOException if the certificate cannot be written or the server cannot start
     */
    public JwtTokenServer start() {
      JwtSigner signer = new JwtSigner(issuer, service);
      TokenIssuer tokens =
          new TokenIssuer(new RegistryClock(Clock.systemUTC()), tokenLifetime, signer);
      Journal journal = new Journal();
      KitServers servers = new KitServers("jwt-token-server-", 4);
      Path certDirectory = null;
      try {
        certDirectory = Files.createTempDirectory("jwt-token-server-");
        Files.writeString(certDirectory.resolve(CERT_FILE), signer.certificatePem());
        HttpServer server = servers.bind(InetAddress.getLoopbackAddress());
        KitServers.mount(
            server,
            "/token",
            Origin.TOKEN,
            new TokenHandler(access.toPolicy(), tokens, false),
            journal::add);
        servers.start();
        return new JwtTokenServer(servers, server, signer, certDirectory, journal);
      } catch (IOException e) {
        servers.close();
        if (certDirectory != null) {
          deleteCertificate(certDirectory);
        }
        throw new UncheckedIOException("could not start the token server", e);
      }
    }
  }
}
