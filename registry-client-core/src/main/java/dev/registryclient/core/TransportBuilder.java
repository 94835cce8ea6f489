package dev.registryclient.core;

import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.core.auth.AuthInterceptor;
import dev.registryclient.core.auth.AuthOptions;
import dev.registryclient.core.auth.PlainHttpPolicy;
import dev.registryclient.core.transport.HostLedger;
import dev.registryclient.core.transport.Interceptor;
import dev.registryclient.core.transport.RedirectInterceptor;
import dev.registryclient.core.transport.RedirectPolicy;
import dev.registryclient.core.transport.RetryInterceptor;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.core.transport.RetryPolicy;
import dev.registryclient.core.transport.SchemePolicy;
import dev.registryclient.core.transport.Sleeper;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.core.transport.UserAgentInterceptor;
import dev.registryclient.core.transport.http5.ApacheEngine;
import dev.registryclient.core.transport.http5.EngineOptions;
import dev.registryclient.core.transport.proxy.ProxySettings;
import dev.registryclient.core.transport.tls.TlsSettings;
import java.net.ProxySelector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Configures and builds a {@link Transport}: the composition root of this module and the one place
 * where the interceptors are put together, always in this order (outermost first):
 *
 * <ol>
 *   <li>{@link UserAgentInterceptor}: sets {@code User-Agent};
 *   <li>{@link RetryInterceptor}: re-sends idempotent requests on 408/429/5xx and I/O errors, each
 *       time from the registry;
 *   <li>{@link RedirectInterceptor}: follows 3xx hop by hop, keeping {@link
 *       dev.registryclient.core.transport.Request#registry()};
 *   <li>{@link AuthInterceptor}: ping, credentials, tokens, only for the registry's own origin;
 *   <li>{@link HostLedger#recorder()}: notes every host contacted;
 *   <li>{@link ApacheEngine}: sends exactly what it is given (TLS, proxies, timeouts).
 * </ol>
 *
 * <pre>{@code
 * Transport transport = TransportBuilder.create()
 *     .credentials(CredentialProviders.defaultChain())
 *     .userAgent("my-tool/1.0")
 *     .connectTimeout(Duration.ofSeconds(5))
 *     .build();
 * }</pre>
 *
 * <p>Credentials default to anonymous: reading the user's Docker or podman files is opt-in.
 */
public final class TransportBuilder {
  private String userAgent = UserAgentInterceptor.DEFAULT;
  private CredentialProvider credentials =
      (host, repository) -> Optional.of(Credentials.anonymous());
  private Duration connectTimeout = EngineOptions.defaults().connectTimeout();
  private Duration responseTimeout = EngineOptions.defaults().responseTimeout();
  private Duration idleReadTimeout = EngineOptions.defaults().idleReadTimeout();
  private Duration tlsHandshakeTimeout = EngineOptions.defaults().tlsHandshakeTimeout();
  private TlsSettings.Builder tls = TlsSettings.builder();
  private ProxySelector proxies;
  private int maxConnections = EngineOptions.defaults().maxConnections();
  private int maxConnectionsPerRoute = EngineOptions.defaults().maxConnectionsPerRoute();
  private String oauth2ClientId = "registry-client";
  private boolean preferOAuth2PasswordGrant;
  private Clock clock = Clock.systemUTC();
  private Duration tokenRefreshMargin = Duration.ofSeconds(10);
  private final Set<String> plainHttpCredentialHosts = new LinkedHashSet<>();
  private RetryPolicy retryPolicy = RetryPolicy.defaults();
  private RetryListener retryListener = RetryListener.NONE;
  private Sleeper sleeper = Sleeper.system();
  private int maxRedirects = RedirectPolicy.defaults().maxHops();
  private final Set<String> plainHttpRedirectTargets = new LinkedHashSet<>();
  private HostLedger hostLedger = new HostLedger();

  private TransportBuilder() {}

  /**
   * A builder with the defaults: anonymous, 10 s connect, 60 s response and idle read.
   *
   * @return a new builder
   */
  public static TransportBuilder create() {
    return new TransportBuilder();
  }

  /**
   * The {@code User-Agent} sent with every request.
   *
   * @param userAgent the header's value, such as {@code my-tool/1.0}
   * @return this builder
   */
  public TransportBuilder userAgent(String userAgent) {
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    return this;
  }

  /**
   * Where credentials come from, e.g. {@code CredentialProviders.defaultChain()}.
   *
   * @param credentials the credential provider
   * @return this builder
   */
  public TransportBuilder credentials(CredentialProvider credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    return this;
  }

  /**
   * TCP/TLS connect timeout, also the longest wait for a pooled connection (default 10 s).
   *
   * @param timeout the timeout
   * @return this builder
   */
  public TransportBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * The longest wait for response headers once the request was sent (default 60 s).
   *
   * @param timeout the timeout
   * @return this builder
   */
  public TransportBuilder responseTimeout(Duration timeout) {
    this.responseTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * The longest silence while reading a body before it fails (default 60 s).
   *
   * @param timeout the timeout
   * @return this builder
   */
  public TransportBuilder idleReadTimeout(Duration timeout) {
    this.idleReadTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * The same as {@link #idleReadTimeout}, under HttpClient's name for it.
   *
   * @param timeout the timeout
   * @return this builder
   */
  public TransportBuilder socketTimeout(Duration timeout) {
    return idleReadTimeout(timeout);
  }

  /**
   * The longest TLS handshake once connected (default 10 s).
   *
   * @param timeout the timeout
   * @return this builder
   */
  public TransportBuilder tlsHandshakeTimeout(Duration timeout) {
    this.tlsHandshakeTimeout = Objects.requireNonNull(timeout, "timeout");
    return this;
  }

  /**
   * Skips certificate and host name checks for {@code host} or {@code host:port}; for lab
   * registries with self-signed certificates. Prefer a CA file in {@code certs.d}.
   *
   * @param host a host name, or {@code host:port}
   * @return this builder
   * @throws IllegalArgumentException if {@code host} is blank
   */
  public TransportBuilder insecure(String host) {
    tls.insecure(host);
    return this;
  }

  /**
   * The {@code certs.d} directories holding per-host CA bundles and client certificates (default
   * {@code ~/.config/containers/certs.d}, {@code /etc/containers/certs.d}, {@code
   * /etc/docker/certs.d}); see {@link TlsSettings}.
   *
   * @param directories the directories, searched in order
   * @return this builder
   */
  public TransportBuilder certsDirectories(List<Path> directories) {
    tls.certsDirectories(directories);
    return this;
  }

  /**
   * Which proxy each URL goes through (default: {@link ProxySettings#fromEnvironment} with the
   * process environment and system properties; {@code ProxySettings.none()} for none).
   *
   * @param selector chooses the proxy for each URL
   * @return this builder
   */
  public TransportBuilder proxies(ProxySelector selector) {
    this.proxies = Objects.requireNonNull(selector, "selector");
    return this;
  }

  /**
   * Lets credentials go over plain http to the hosts {@code schemes} serves over http.
   *
   * @param schemes the policy whose plain-http hosts may receive credentials
   * @return this builder
   */
  public TransportBuilder schemePolicy(SchemePolicy schemes) {
    schemes.plainHttpHosts().forEach(this::allowCredentialsOverHttp);
    return this;
  }

  /**
   * Pool size: all hosts together, and per host:port (defaults 20 and 6).
   *
   * @param total the most connections to all hosts together
   * @param perRoute the most connections to one host:port
   * @return this builder
   */
  public TransportBuilder maxConnections(int total, int perRoute) {
    this.maxConnections = total;
    this.maxConnectionsPerRoute = perRoute;
    return this;
  }

  /**
   * The OAuth2 {@code client_id} sent to token servers (default {@code registry-client}).
   *
   * @param clientId the {@code client_id} value
   * @return this builder
   */
  public TransportBuilder oauth2ClientId(String clientId) {
    this.oauth2ClientId = Objects.requireNonNull(clientId, "clientId");
    return this;
  }

  /**
   * Sends username and password to token servers as an OAuth2 {@code grant_type=password} POST
   * (falling back to a Basic GET when the server answers 404) instead of a Basic GET.
   *
   * @param prefer whether to try the password grant first
   * @return this builder
   */
  public TransportBuilder preferOAuth2PasswordGrant(boolean prefer) {
    this.preferOAuth2PasswordGrant = prefer;
    return this;
  }

  /**
   * Allows credentials over plain http to this non-loopback {@code host} or {@code host:port}.
   *
   * @param host a host name, or {@code host:port}
   * @return this builder
   */
  public TransportBuilder allowCredentialsOverHttp(String host) {
    plainHttpCredentialHosts.add(Objects.requireNonNull(host, "host"));
    return this;
  }

  /**
   * The clock token expiry is judged by (for tests; default UTC system clock).
   *
   * @param clock the clock
   * @return this builder
   */
  public TransportBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * How long before expiry a token is replaced (default 10 s, below 60 s).
   *
   * @param margin the time before expiry
   * @return this builder
   */
  public TransportBuilder tokenRefreshMargin(Duration margin) {
    this.tokenRefreshMargin = Objects.requireNonNull(margin, "margin");
    return this;
  }

  /**
   * When and how often idempotent requests are sent again (default {@link RetryPolicy#defaults()}).
   *
   * @param policy the retry policy
   * @return this builder
   */
  public TransportBuilder retryPolicy(RetryPolicy policy) {
    this.retryPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Told about every retry, resume and signed-URL refresh (they are also logged at INFO).
   *
   * @param listener the listener
   * @return this builder
   */
  public TransportBuilder retryListener(RetryListener listener) {
    this.retryListener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * How the transport waits between attempts (tests pass a fake that does not really sleep).
   *
   * @param sleeper the sleeper
   * @return this builder
   */
  public TransportBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  /**
   * The most redirects one request follows (default 10).
   *
   * @param hops the most redirects, 1 to 50
   * @return this builder
   * @throws IllegalArgumentException if {@code hops} is not 1 to 50
   */
  public TransportBuilder maxRedirects(int hops) {
    this.maxRedirects = new RedirectPolicy(hops, Set.of()).maxHops();
    return this;
  }

  /**
   * Lets an https URL redirect to this {@code host} or {@code host:port} over plain http.
   *
   * @param host a host name, or {@code host:port}
   * @return this builder
   */
  public TransportBuilder allowRedirectToHttp(String host) {
    plainHttpRedirectTargets.add(Objects.requireNonNull(host, "host"));
    return this;
  }

  /**
   * Records every host contacted into {@code ledger} (default: a private ledger).
   *
   * @param ledger the ledger to record into
   * @return this builder
   */
  public TransportBuilder hostLedger(HostLedger ledger) {
    this.hostLedger = Objects.requireNonNull(ledger, "ledger");
    return this;
  }

  /**
   * Builds the transport; it owns a new connection pool, closed with it.
   *
   * @return the new transport; close it when done
   */
  public Transport build() {
    AuthOptions auth =
        new AuthOptions(
            credentials,
            oauth2ClientId,
            preferOAuth2PasswordGrant,
            clock,
            tokenRefreshMargin,
            new PlainHttpPolicy(plainHttpCredentialHosts));
    EngineOptions engineOptions =
        new EngineOptions(
            connectTimeout,
            tlsHandshakeTimeout,
            responseTimeout,
            idleReadTimeout,
            maxConnections,
            maxConnectionsPerRoute,
            tls.build(),
            proxies != null
                ? proxies
                : ProxySettings.fromEnvironment(System.getenv(), System.getProperties()));
    ApacheEngine engine = new ApacheEngine(engineOptions);
    List<Interceptor> chain = new ArrayList<>();
    RedirectPolicy redirects = new RedirectPolicy(maxRedirects, plainHttpRedirectTargets);
    chain.add(new UserAgentInterceptor(userAgent)); // 1. user agent
    RetryInterceptor retries = new RetryInterceptor(retryPolicy, sleeper, retryListener);
    chain.add(retries); // 2. retries, from the top, drawing on the operation's budget
    chain.add(new RedirectInterceptor(redirects)); // 3. redirects, hop by hop
    chain.add(new AuthInterceptor(auth)); // 4. auth, for the registry origin only
    chain.add(hostLedger.recorder()); // 5. notes every host on the wire
    chain.add(engine); // 6. the wire
    return Transport.of(chain, engine);
  }
}
