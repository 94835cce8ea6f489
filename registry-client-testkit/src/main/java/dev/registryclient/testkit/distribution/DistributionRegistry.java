package dev.registryclient.testkit.distribution;

import dev.registryclient.testkit.JwtTokenServer;
import dev.registryclient.testkit.TempDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real registry, Debian's {@code docker-registry} (distribution 2.8), started on 127.0.0.1 with a
 * generated configuration and storage in a temporary directory, for integration tests.
 *
 * <pre>{@code
 * try (DistributionRegistry registry = DistributionRegistry.builder().start()) {
 *   String ref = registry.hostAndPort() + "/test/hello:1";
 *   // push with skopeo, pull with the SDK ...
 * }
 * }</pre>
 *
 * <p>It never touches the system service or {@code /etc/docker/registry}: each instance has its own
 * port, config and storage, all removed by {@link #close()}.
 */
public final class DistributionRegistry implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

  private final TempDirectory workDir;
  private final Process process;
  private final int port;

  private DistributionRegistry(TempDirectory workDir, Process process, int port) {
    this.workDir = workDir;
    this.process = process;
    this.port = port;
  }

  /**
   * A builder with schema 1 compatibility and deletes enabled, no auth.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code 127.0.0.1:PORT}, the registry part of image references.
   *
   * @return the registry's loopback address and port
   */
  public String hostAndPort() {
    return "127.0.0.1:" + port;
  }

  /**
   * The port the registry listens on.
   *
   * @return the registry's TCP port on 127.0.0.1
   */
  public int port() {
    return port;
  }

  /**
   * {@code http://127.0.0.1:PORT}.
   *
   * @return the registry's base URL, without a path
   */
  public URI url() {
    return URI.create("http://" + hostAndPort());
  }

  /** The directory holding config, storage and log; deleted by {@link #close()}. */
  Path workDirectory() {
    return workDir.path();
  }

  /**
   * Whether the registry's storage has blob {@code digest} (e.g. {@code sha256:...}) linked into
   * {@code repository}, so that it serves the blob from there. A pull-through cache ({@link
   * Builder#proxy}) stores what it fetched from its upstream in the background, after answering the
   * client; this says when it is done.
   *
   * @param repository the repository, e.g. {@code library/alpine}
   * @param digest the blob's digest as {@code algorithm:hex}
   * @return {@code true} if the blob's link exists in the repository's storage
   * @throws IllegalArgumentException if {@code digest} has no {@code algorithm:} prefix
   */
  public boolean holdsBlob(String repository, String digest) {
    int colon = digest.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("a digest is algorithm:hex, got " + digest);
    }
    Path link =
        workDir
            .path()
            .resolve("storage/docker/registry/v2/repositories")
            .resolve(repository)
            .resolve("_layers")
            .resolve(digest.substring(0, colon))
            .resolve(digest.substring(colon + 1))
            .resolve("link");
    return Files.isRegularFile(link);
  }

  /**
   * The registry's log so far, for failure messages.
   *
   * @return the log's text, or a note saying why there is none
   */
  public String log() {
    try {
      return Files.readString(workDir.path().resolve("registry.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the registry and deletes its configuration and storage. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } finally {
      workDir.close();
    }
  }

  /** Configures a {@link DistributionRegistry}. */
  public static final class Builder {
    private boolean schema1 = true;
    private int catalogPageSize = 0;
    private Optional<TokenAuth> tokenAuth = Optional.empty();
    private Optional<URI> proxyRemote = Optional.empty();

    private Builder() {}

    /**
     * Runs the registry as a pull-through cache of {@code remoteUrl} ({@code proxy.remoteurl}):
     * pulls of anything it lacks are fetched from there (blobs streamed to the client while a
     * second fetch stores them), pushes are refused. distribution 2.8 does not merge concurrent
     * fetches of one blob: each client pulling a blob the cache has not stored yet costs its own
     * upstream GET.
     *
     * <pre>{@code
     * try (DistributionRegistry upstream = DistributionRegistry.builder().start();
     *     DistributionRegistry cache =
     *         DistributionRegistry.builder().proxy(upstream.url()).start()) {
     *   // push to upstream, pull from cache
     * }
     * }</pre>
     *
     * @param remoteUrl the upstream registry's {@code http(s)://host[:port]} URL; not null
     * @return this builder
     * @throws IllegalArgumentException if {@code remoteUrl} has no scheme or no host
     */
    public Builder proxy(URI remoteUrl) {
      Objects.requireNonNull(remoteUrl, "remoteUrl");
      if (remoteUrl.getScheme() == null || remoteUrl.getHost() == null) {
        throw new IllegalArgumentException(
            "remote URL must be http(s)://host[:port]: " + remoteUrl);
      }
      this.proxyRemote = Optional.of(remoteUrl);
      return this;
    }

    /**
     * Whether the registry accepts and serves signed schema 1 manifests (default true).
     *
     * @param enabled {@code false} to leave schema 1 support off, as distribution does by default
     * @return this builder
     */
    public Builder schema1(boolean enabled) {
      this.schema1 = enabled;
      return this;
    }

    /**
     * The most repositories one {@code _catalog} page holds ({@code catalog.maxentries}); a client
     * asking without {@code n} gets pages of this size and a {@code Link} to the next one. Default:
     * distribution's own (1000).
     *
     * @param size the page size; at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code size} is less than 1
     */
    public Builder catalogPageSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("catalog page size must be at least 1: " + size);
      }
      this.catalogPageSize = size;
      return this;
    }

    /**
     * Protects the registry with bearer tokens issued by a token server the caller runs.
     *
     * @param realm the token endpoint URL put in challenges
     * @param service the {@code service} (and JWT audience)
     * @param issuer the JWT issuer the registry accepts
     * @param rootCertBundle a PEM file with the certificate whose key signs the tokens
     * @return this builder
     */
    public Builder tokenAuth(URI realm, String service, String issuer, Path rootCertBundle) {
      this.tokenAuth = Optional.of(new TokenAuth(realm, service, issuer, rootCertBundle));
      return this;
    }

    /**
     * Protects the registry with bearer tokens from {@code tokens}: its realm, service, issuer and
     * certificate.
     *
     * @param tokens the running token server whose tokens the registry accepts
     * @return this builder
     */
    public Builder tokenAuth(JwtTokenServer tokens) {
      return tokenAuth(tokens.realm(), tokens.service(), tokens.issuer(), tokens.rootCertBundle());
    }

    /**
     * Starts the registry on a free loopback port and waits until {@code /v2/} answers.
     *
     * @return the running registry; close it to stop it
     * @throws IllegalStateException if docker-registry is not installed or does not come up
     * @throws UncheckedIOException if its configuration cannot be written or the process not
     *     started
     */
    public DistributionRegistry start() {
      Path binary = ExternalTool.dockerRegistry().require();
      TempDirectory workDir = TempDirectory.create("docker-registry-");
      try {
        int port = freeLoopbackPort();
        Path config = workDir.path().resolve("config.yml");
        Files.writeString(config, config(workDir.path().resolve("storage"), port));
        Process process =
            new ProcessBuilder(binary.toString(), "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(workDir.path().resolve("registry.log").toFile())
                .start();
        DistributionRegistry registry = new DistributionRegistry(workDir, process, port);
        try {
          awaitReady(registry);
        } catch (RuntimeException e) {
          String log = registry.log();
          registry.close();
          throw new IllegalStateException(e.getMessage() + "\nregistry log:\n" + log, e);
        }
        return registry;
      } catch (IOException e) {
        workDir.close();
        throw new UncheckedIOException("could not start docker-registry", e);
      }
    }

    private String config(Path storage, int port) {
      StringBuilder yaml = new StringBuilder();
      yaml.append("version: 0.1\n")
          .append("log:\n  level: info\n  accesslog:\n    disabled: false\n")
          .append("storage:\n  filesystem:\n    rootdirectory: ")
          .append(quote(storage.toString()))
          .append("\n  delete:\n    enabled: true\n")
          .append("http:\n  addr: 127.0.0.1:")
          .append(port)
          .append('\n');
      if (schema1) {
        yaml.append("compatibility:\n  schema1:\n    enabled: true\n");
      }
      if (catalogPageSize > 0) {
        yaml.append("catalog:\n  maxentries: ").append(catalogPageSize).append('\n');
      }
      proxyRemote.ifPresent(
          remote ->
              yaml.append("proxy:\n  remoteurl: ").append(quote(remote.toString())).append('\n'));
      tokenAuth.ifPresent(
          t ->
              yaml.append("auth:\n  token:\n    realm: ")
                  .append(quote(t.realm().toString()))
                  .append("\n    service: ")
                  .append(quote(t.service()))
                  .append("\n    issuer: ")
                  .append(quote(t.issuer()))
                  .append("\n    rootcertbundle: ")
                  .append(quote(t.rootCertBundle().toString()))
                  .append('\n'));
      return yaml.toString();
    }

    private static String quote(String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
  }

  private record TokenAuth(URI realm, String service, String issuer, Path rootCertBundle) {
    TokenAuth {
      Objects.requireNonNull(realm, "realm");
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(rootCertBundle, "rootCertBundle");
    }
  }

  private static void awaitReady(DistributionRegistry registry) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    URI ping = registry.url().resolve("/v2/");
    while (System.nanoTime() < deadline) {
      if (!registry.process.isAlive()) {
        throw new IllegalStateException(
            "docker-registry exited with " + registry.process.exitValue() + " while starting");
      }
      try {
        HttpURLConnection connection = (HttpURLConnection) ping.toURL().openConnection();
        connection.setConnectTimeout(500);
        connection.setReadTimeout(1000);
        int status = connection.getResponseCode();
        connection.disconnect();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for docker-registry", e);
      }
    }
    throw new IllegalStateException(
        "docker-registry did not answer on " + registry.hostAndPort() + " within " + READY_TIMEOUT);
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
