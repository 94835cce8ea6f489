package dev.registryclient.testkit;

import com.sun.net.httpserver.HttpServer;
import dev.registryclient.testkit.RecordedRequest.Origin;
import dev.registryclient.testkit.internal.DeadHosts;
import dev.registryclient.testkit.internal.FrontCdnHandler;
import dev.registryclient.testkit.internal.FrontHandler;
import dev.registryclient.testkit.internal.KitServers;
import dev.registryclient.testkit.internal.Loopback;
import dev.registryclient.testkit.internal.RegistryClock;
import dev.registryclient.testkit.internal.Relay;
import dev.registryclient.testkit.internal.TlsRefusingPort;
import dev.registryclient.testkit.internal.UrlSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts a CDN in front of any registry, such as a real {@code docker-registry}: pull requests to the
 * front (127.0.0.1) pass through to the upstream registry, but blob GETs are answered with 302 to a
 * CDN origin on another host (127.0.0.2 where bindable) with a signed, expiring URL, and the origin
 * streams the blob from the upstream. So a client's pull crosses origins against real registry
 * data.
 *
 * <pre>{@code
 * try (DistributionRegistry registry = DistributionRegistry.builder().start();
 *     CdnFront front = CdnFront.builder(registry.url()).start()) {
 *   // push to registry.hostAndPort(), pull from front.hostAndPort()
 *   assertThat(front.journal().cdn()).isNotEmpty().noneMatch(RecordedRequest::hasAuthorization);
 * }
 * }</pre>
 *
 * <p>The front answers GET and HEAD only; the upstream must let anonymous clients read blobs (the
 * CDN fetches them without credentials). The journal records the front's requests as {@code
 * REGISTRY} and the origin's as {@code CDN}; a CDN download is matched by the registry path of its
 * blob too (see {@link RequestTarget}). The front injects no faults itself: put a {@link
 * TestRegistry} with {@link Fault}s behind it, and a body fault on a blob reaches the client
 * through the CDN origin, which relays the upstream's bytes as they come.
 */
public final class CdnFront implements AutoCloseable {
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final KitServers servers;
  private final TlsRefusingPort frontPort;
  private final HttpServer cdn;
  private final RegistryClock clock;
  private final Journal journal;
  private final DeadHosts deadHosts;

  private CdnFront(
      KitServers servers,
      TlsRefusingPort frontPort,
      HttpServer cdn,
      RegistryClock clock,
      Journal journal,
      DeadHosts deadHosts) {
    this.servers = servers;
    this.frontPort = frontPort;
    this.cdn = cdn;
    this.clock = clock;
    this.journal = journal;
    this.deadHosts = deadHosts;
  }

  /**
   * A builder for a front of the registry at {@code upstream} ({@code http://host:port}).
   *
   * @param upstream the upstream registry's {@code http://} URL; not null
   * @return a new builder
   * @throws IllegalArgumentException if {@code upstream} is not an {@code http://} URL with a host
   */
  public static Builder builder(URI upstream) {
    return new Builder(upstream);
  }

  /**
   * {@code 127.0.0.1:PORT}, the registry part of image references pulled through the front.
   *
   * @return the front's loopback address and port
   */
  public String hostAndPort() {
    InetSocketAddress a = frontPort.address();
    return a.getAddress().getHostAddress() + ":" + a.getPort();
  }

  /**
   * {@code http://127.0.0.1:PORT}.
   *
   * @return the front's base URL, without a path
   */
  public URI url() {
    return URI.create("http://" + hostAndPort());
  }

  /**
   * {@code http://127.0.0.2:PORT} (or another port of 127.0.0.1), the CDN origin.
   *
   * @return the CDN origin's base URL
   */
  public URI cdnUrl() {
    return URI.create("http://" + KitServers.hostAndPort(cdn));
  }

  /**
   * The requests the front and the CDN origin answered so far.
   *
   * @return this front's live request journal
   */
  public Journal journal() {
    return journal;
  }

  /**
   * Moves the front's clock forward, so signed CDN URLs expire without sleeping.
   *
   * @param amount how far to move the clock; not negative
   * @throws IllegalArgumentException if {@code amount} is negative
   */
  public void advanceClock(Duration amount) {
    clock.advance(amount);
  }

  /** Stops both servers and their threads. */
  @Override
  public void close() {
    frontPort.close();
    servers.close();
    deadHosts.close();
  }

  @Override
  public String toString() {
    return "CdnFront[" + url() + ", cdn " + cdnUrl() + "]";
  }

  /** Options of a {@link CdnFront}. */
  public static final class Builder {
    private final URI upstream;
    private Duration urlLifetime = Duration.ofMinutes(5);
    private boolean cdnConnectTimeout;

    private Builder(URI upstream) {
      this.upstream = Objects.requireNonNull(upstream, "upstream");
      if (!"http".equals(upstream.getScheme()) || upstream.getHost() == null) {
        throw new IllegalArgumentException("upstream must be http://host:port: " + upstream);
      }
    }

    /**
     * How long signed CDN URLs stay valid (default 5 minutes).
     *
     * @param lifetime how long a signed URL stays valid; positive
     * @return this builder
     * @throws IllegalArgumentException if {@code lifetime} is zero or negative
     */
    public Builder urlLifetime(Duration lifetime) {
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("CDN URL lifetime must be positive: " + lifetime);
      }
      urlLifetime = lifetime;
      return this;
    }

    /**
     * Redirects blob GETs to a CDN host that never accepts a connection (a firewall dropping the
     * packets: clients see a connect timeout), as {@link Fault#cdnConnectTimeout()} does for a
     * {@link TestRegistry}; the CDN origin then gets no request. For a mirror whose blob host is a
     * black hole, in front of a real registry.
     *
     * <pre>{@code
     * CdnFront dead = CdnFront.builder(registry.url()).cdnConnectTimeout().start();
     * }</pre>
     *
     * @return this builder
     */
    public Builder cdnConnectTimeout() {
      cdnConnectTimeout = true;
      return this;
    }

    /**
     * Binds the front on 127.0.0.1 and the CDN origin on 127.0.0.2, both on free ports.
     *
     * @return the started front; close it to stop it
     * @throws UncheckedIOException if a server cannot be bound
     */
    public CdnFront start() {
      String prefix = "cdn-front-" + INSTANCES.incrementAndGet() + "-";
      KitServers servers = new KitServers(prefix, 16);
      DeadHosts deadHosts = new DeadHosts(Loopback.secondary());
      try {
        HttpServer front = servers.bind(InetAddress.getLoopbackAddress());
        HttpServer cdn = servers.bind(Loopback.secondary());
        Journal journal = new Journal();
        RegistryClock clock = new RegistryClock(Clock.systemUTC());
        UrlSigner signer = new UrlSigner();
        Relay relay = new Relay();
        URI base = upstream.resolve("/");
        String cdnBase =
            "http://"
                + (cdnConnectTimeout ? deadHosts.connectTimeout() : KitServers.hostAndPort(cdn));
        KitServers.mount(
            front,
            "/",
            Origin.REGISTRY,
            new FrontHandler(base, relay, () -> cdnBase, signer, clock, urlLifetime),
            journal::add);
        KitServers.mount(
            cdn, "/", Origin.CDN, new FrontCdnHandler(base, relay, signer, clock), journal::add);
        servers.start();
        // skopeo tries TLS first; hang up on it at once instead of letting it time out
        TlsRefusingPort frontPort =
            new TlsRefusingPort(InetAddress.getLoopbackAddress(), front.getAddress(), prefix);
        return new CdnFront(servers, frontPort, cdn, clock, journal, deadHosts);
      } catch (IOException e) {
        servers.close();
        deadHosts.close();
        throw new UncheckedIOException("could not start the CDN front", e);
      } catch (RuntimeException e) {
        servers.close();
        deadHosts.close();
        throw e;
      }
    }
  }
}
