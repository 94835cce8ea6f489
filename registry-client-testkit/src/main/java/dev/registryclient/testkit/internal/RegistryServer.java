package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.RecordedRequest.Origin;
import dev.registryclient.testkit.internal.RegistryConfig.AuthMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The composition root: binds the registry, token and CDN servers on loopback, wires the handlers
 * and filters, and tears everything down again (servers, worker threads, dead hosts, blob files).
 */
public final class RegistryServer implements AutoCloseable {
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  // like Red Hat's https://registry.redhat.io/containers/sigstore, a path below the host
  private static final String LOOKASIDE_PATH = "/signatures";

  private final String threadPrefix = "test-registry-" + INSTANCES.incrementAndGet() + "-";
  private final RegistryClock clock = new RegistryClock(Clock.systemUTC());
  private final ExecutorService executor;
  private final ContentStore content;
  private final DeadHosts deadHosts;
  private final Endpoint registry;
  private final Endpoint tokenServer;
  private final Endpoint cdn;
  private final Endpoint lookaside;
  private final FaultPlan faults;
  private final SignatureStore signatures = new SignatureStore();

  /**
   * Binds and starts all servers {@code config} asks for; requests are reported to {@code sink},
   * blob uploads to {@code uploads}.
   */
  public RegistryServer(
      RegistryConfig config, Consumer<RecordedRequest> sink, UploadHistory uploads)
      throws IOException {
    DiskBlobStore blobs =
        config.blobDirectory() == null
            ? DiskBlobStore.temporary()
            : new DiskBlobStore(config.blobDirectory());
    content = new ContentStore(blobs, new MetadataStore());
    executor = Executors.newFixedThreadPool(config.threads(), threadFactory());
    InetAddress loopback = InetAddress.getLoopbackAddress();
    InetAddress secondary = Loopback.secondary();
    deadHosts = new DeadHosts(secondary);
    faults = new FaultPlan(config.faults());
    BlobResponder responder = new BlobResponder(blobs, faults);
    UrlSigner signer = new UrlSigner();

    // a TCP front that can send RST only when a fault needs it: the normal path stays direct
    boolean resettable = faults.needsResets();
    registry = Endpoint.bind(loopback, config.port(), resettable, executor, threadPrefix);
    cdn =
        config.cdnTtl() == null
            ? null
            : Endpoint.bind(secondary, 0, resettable, executor, threadPrefix);
    tokenServer =
        config.auth() == AuthMode.TOKEN && config.tokenRealmOnOwnPort()
            ? Endpoint.bind(loopback, 0, resettable, executor, threadPrefix)
            : null;
    lookaside =
        config.signatures().lookaside()
            ? Endpoint.bind(loopback, 0, resettable, executor, threadPrefix)
            : null;

    TokenIssuer issuer =
        new TokenIssuer(
            clock,
            config.tokenLifetime(),
            config.jwtTokens()
                ? new JwtSigner(RegistryConfig.TOKEN_ISSUER, RegistryConfig.SERVICE)
                : null);
    RegistryAuth auth = new RegistryAuth(config.auth(), config.access(), issuer, this::tokenRealm);
    BlobHandler.Cdn cdnMode =
        cdn == null
            ? null
            : new BlobHandler.Cdn(
                cdn::url, signer, clock, config.cdnTtl(), config.cdnRedirectStatus());
    HttpHandler router =
        new RegistryHandler(
            auth,
            new ManifestHandler(content, faults, config.referrersApi()),
            new BlobHandler(content, responder, cdnMode),
            new UploadHandler(
                content, new UploadSessions(blobs, uploads), faults, config.uploads()),
            new ListingHandler(content.metadata(), config.tagPageSize()),
            new ReferrersHandler(content.metadata(), config.referrersApi()),
            config.signatures().apiExtension()
                ? new SignatureApiHandler(signatures, content.metadata())
                : null,
            config.uploads());
    mount(registry, "/", Origin.REGISTRY, router, sink, faults);
    if (config.auth() == AuthMode.TOKEN) {
      HttpHandler tokens = new TokenHandler(config.access(), issuer, config.tokenPostAnswers404());
      mount(
          tokenServer != null ? tokenServer : registry,
          "/token",
          Origin.TOKEN,
          tokens,
          sink,
          faults);
    }
    if (cdn != null) {
      mount(cdn, "/", Origin.CDN, new CdnHandler(signer, clock, blobs, responder), sink, faults);
    }
    if (lookaside != null) {
      HttpHandler handler = new LookasideHandler(LOOKASIDE_PATH, signatures);
      mount(lookaside, LOOKASIDE_PATH + "/", Origin.LOOKASIDE, handler, sink, faults);
    }
    for (Endpoint e : endpoints()) {
      if (e != null) {
        e.start();
      }
    }
  }

  private void mount(
      Endpoint server,
      String path,
      Origin origin,
      HttpHandler handler,
      Consumer<RecordedRequest> sink,
      FaultPlan faults) {
    HttpContext context = server.mount(path, handler);
    context.getFilters().add(new JournalFilter(origin, sink));
    context.getFilters().add(new FaultFilter(origin, faults, deadHosts));
  }

  private Endpoint[] endpoints() {
    return new Endpoint[] {registry, tokenServer, cdn, lookaside};
  }

  /** The registry's address. */
  public InetSocketAddress registryAddress() {
    return registry.address();
  }

  /** {@code http://host:port} of the CDN, or null without CDN mode. */
  public String cdnUrl() {
    return cdn == null ? null : cdn.url();
  }

  /** The lookaside server's base URL ({@code http://host:port/signatures}), or null if off. */
  public String lookasideUrl() {
    return lookaside == null ? null : lookaside.url() + LOOKASIDE_PATH;
  }

  /** The simple signing signatures served by the lookaside and the API extension. */
  public SignatureStore signatures() {
    return signatures;
  }

  /** The token endpoint URL (the bearer realm). */
  public String tokenRealm() {
    return (tokenServer != null ? tokenServer : registry).url() + "/token";
  }

  /** Blobs and metadata. */
  public ContentStore content() {
    return content;
  }

  /** The configured faults and how often they fired. */
  public FaultPlan faults() {
    return faults;
  }

  /** The registry's clock. */
  public RegistryClock clock() {
    return clock;
  }

  /** The prefix of the names of this instance's worker threads. */
  public String threadNamePrefix() {
    return threadPrefix;
  }

  private ThreadFactory threadFactory() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, threadPrefix + "worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    for (Endpoint e : endpoints()) {
      if (e != null) {
        e.close();
      }
    }
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test registry worker threads did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      deadHosts.close();
      try {
        content.blobs().close();
      } catch (UncheckedIOException e) {
        // leftover files in a temp dir are not worth failing a test for
      }
    }
  }
}
