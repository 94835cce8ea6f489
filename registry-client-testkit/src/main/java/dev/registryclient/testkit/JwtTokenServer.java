package dev.registryclient.testkit;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import dev.registryclient.testkit.RecordedRequest.Origin;
import dev.registryclient.testkit.internal.AccessPolicy;
import dev.registryclient.testkit.internal.JournalFilter;
import dev.registryclient.testkit.internal.JwtSigner;
import dev.registryclient.testkit.internal.RegistryClock;
import dev.registryclient.testkit.internal.TokenHandler;
import dev.registryclient.testkit.internal.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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
  private final HttpServer server;
  private final ExecutorService executor;
  private final JwtSigner signer;
  private final Path certDirectory;
  private final Journal journal;

  private JwtTokenServer(
      HttpServer server,
      ExecutorService executor,
      JwtSigner signer,
      Path certDirectory,
      Journal journal) {
    this.server = server;
    this.executor = executor;
    this.signer = signer;
    this.certDirectory = certDirectory;
    this.journal = journal;
  }

  /** A builder with no users and no public repositories. */
  public static Builder builder() {
    return new Builder();
  }

  /** The token endpoint, {@code http://127.0.0.1:PORT/token}: the registry's {@code realm}. */
  public URI realm() {
    InetSocketAddress address = server.getAddress();
    return URI.create(
        "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/token");
  }

  /** The service name, which is also every token's audience. */
  public String service() {
    return signer.audience();
  }

  /** The issuer every token names. */
  public String issuer() {
    return signer.issuer();
  }

  /** A PEM file with the certificate of the key that signs the tokens. */
  public Path rootCertBundle() {
    return certDirectory.resolve("token-signer.pem");
  }

  /** The libtrust id of the signing key, the {@code kid} of every token. */
  public String keyId() {
    return signer.keyId();
  }

  /** The token requests answered so far (all with origin {@code TOKEN}). */
  public Journal journal() {
    return journal;
  }

  /** Stops the server and deletes the certificate file. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(rootCertBundle());
      Files.deleteIfExists(certDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + certDirectory, e);
    }
  }

  @Override
  public String toString() {
    return "JwtTokenServer[" + realm() + ", service " + service() + "]";
  }

  /** Users, grants, public repositories and token lifetime of a {@link JwtTokenServer}. */
  public static final class Builder {
    private final AccessPolicy access = new AccessPolicy();
    private String service = "docker-registry-it";
    private String issuer = "registry-client-testkit";
    private Duration tokenLifetime = Duration.ofMinutes(5);

    private Builder() {}

    /** Adds a user, who may do nothing until granted. */
    public Builder user(String user, String password) {
      access.addUser(Objects.requireNonNull(user, "user"), Objects.requireNonNull(password));
      return this;
    }

    /** Lets {@code user} perform {@code actions} in repositories matching the glob. */
    public Builder grant(String user, String repositoryGlob, String... actions) {
      access.grant(user, repositoryGlob, new LinkedHashSet<>(List.of(actions)));
      return this;
    }

    /** Lets anyone pull from repositories matching {@code repositoryGlob}. */
    public Builder publicRepository(String repositoryGlob) {
      access.makePublic(Objects.requireNonNull(repositoryGlob, "repositoryGlob"));
      return this;
    }

    /** The service name and token audience (default {@code docker-registry-it}). */
    public Builder service(String name) {
      service = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The token issuer (default {@code registry-client-testkit}). */
    public Builder issuer(String name) {
      issuer = Objects.requireNonNull(name, "name");
      return this;
    }

    /** How long tokens stay valid (default 5 minutes; distribution adds 60 s of leeway). */
    public Builder tokenLifetime(Duration lifetime) {
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("token lifetime must be positive: " + lifetime);
      }
      tokenLifetime = lifetime;
      return this;
    }

    /** Binds a free loopback port, writes the certificate and starts answering. */
    public JwtTokenServer start() {
      JwtSigner signer = new JwtSigner(issuer, service);
      Journal journal = new Journal();
      TokenIssuer tokens =
          new TokenIssuer(new RegistryClock(Clock.systemUTC()), tokenLifetime, signer);
      Path certDirectory = null;
      try {
        certDirectory = Files.createTempDirectory("jwt-token-server-");
        Files.writeString(certDirectory.resolve("token-signer.pem"), signer.certificatePem());
        HttpServer server =
            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        HttpContext context =
            server.createContext("/token", new TokenHandler(access, tokens, false));
        context.getFilters().add(new JournalFilter(Origin.TOKEN, journal::add));
        ExecutorService executor =
            Executors.newFixedThreadPool(
                4,
                r -> {
                  Thread t = new Thread(r, "jwt-token-server");
                  t.setDaemon(true);
                  return t;
                });
        server.setExecutor(executor);
        server.start();
        return new JwtTokenServer(server, executor, signer, certDirectory, journal);
      } catch (IOException e) {
        if (certDirectory != null) {
          deleteQuietly(certDirectory);
        }
        throw new UncheckedIOException("could not start the token server", e);
      }
    }

    private static void deleteQuietly(Path directory) {
      try {
        Files.deleteIfExists(directory.resolve("token-signer.pem"));
        Files.deleteIfExists(directory);
      } catch (IOException ignored) {
        // best effort while already failing
      }
    }
  }
}
