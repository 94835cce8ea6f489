package dev.registryclient.core.transport.http5;

import dev.registryclient.core.transport.Chain;
import dev.registryclient.core.transport.FailureText;
import dev.registryclient.core.transport.Headers;
import dev.registryclient.core.transport.Interceptor;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.RequestBody;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.TransportIOException;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The last link of the chain and the only class that touches Apache HttpClient 5. It sends exactly
 * the request it is given: redirects, automatic retries, authentication, cookies and content
 * decompression are all disabled in HttpClient, because the interceptors above own those decisions
 * (and decompressing would change the bytes a digest is checked against).
 *
 * <p>Responses stream: closing one after its body was read to the end returns the connection to the
 * pool; closing it earlier discards the connection instead of draining a large blob.
 */
public final class ApacheEngine implements Interceptor, AutoCloseable {
  private final PoolingHttpClientConnectionManager pool;
  private final CloseableHttpClient client;
  private final Watchdog watchdog = new Watchdog();
  private final UnreachableHosts unreachable = new UnreachableHosts(System::nanoTime);
  private final Duration responseTimeout;
  private final Duration idleReadTimeout;

  /**
   * An engine with its own connection pool.
   *
   * @param options timeouts and pool limits
   */
  public ApacheEngine(EngineOptions options) {
    this.responseTimeout = options.responseTimeout();
    this.idleReadTimeout = options.idleReadTimeout();
    // HttpClient's socket timeout is only a backstop: the watchdog enforces both timeouts exactly.
    Duration longest =
        responseTimeout.compareTo(idleReadTimeout) > 0 ? responseTimeout : idleReadTimeout;
    this.pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            // 64 KiB socket buffers: the 8 KiB default cost 8 times the syscalls per blob
            .setConnectionFactory(
                ManagedHttpClientConnectionFactory.builder()
                    .http1Config(Http1Config.custom().setBufferSize(64 * 1024).build())
                    .build())
            .setMaxConnTotal(options.maxConnections())
            .setMaxConnPerRoute(options.maxConnectionsPerRoute())
            .setTlsSocketStrategy(new HostTlsStrategy(options.tls()))
            .setDefaultTlsConfig(
                TlsConfig.custom()
                    .setHandshakeTimeout(timeout(options.tlsHandshakeTimeout()))
                    .build())
            // a host whose connect timed out recently gets a short probe, not the full wait again
            .setConnectionConfigResolver(
                route ->
                    ConnectionConfig.custom()
                        .setConnectTimeout(
                            timeout(
                                unreachable.connectTimeout(
                                    origin(route.getTargetHost()), options.connectTimeout())))
                        .setSocketTimeout(timeout(longest))
                        .build())
            .build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(pool)
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(timeout(longest))
                    .setConnectionRequestTimeout(timeout(options.connectTimeout()))
                    .setRedirectsEnabled(false)
                    // AuthInterceptor answers 401s; HttpClient's own auth only logs a WARN per
                    // "Bearer" challenge it cannot handle
                    .setAuthenticationEnabled(false)
                    .build())
            .setDefaultAuthSchemeRegistry(RegistryBuilder.<AuthSchemeFactory>create().build())
            .setRoutePlanner(new SystemDefaultRoutePlanner(options.proxies()))
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableContentCompression()
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
  }

  private static Origin origin(HttpHost host) {
    String scheme = host.getSchemeName();
    int port = host.getPort() > 0 ? host.getPort() : "https".equalsIgnoreCase(scheme) ? 443 : 80;
    return Origin.of(scheme, host.getHostName(), port);
  }

  private static Timeout timeout(Duration d) {
    return Timeout.ofMilliseconds(d.toMillis());
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    HttpUriRequestBase wire = new HttpUriRequestBase(request.method(), request.uri());
    for (Map.Entry<String, String> h : request.headers().fields()) {
      wire.addHeader(h.getKey(), h.getValue());
    }
    InputStream upload = null;
    // ending the request's operation aborts the exchange: a thread blocked in a socket write (a
    // registry that stopped reading an upload) wakes at once, not when a timeout fires
    Closeable tracked = request.cancellation().map(c -> c.track(wire::cancel)).orElse(() -> {});
    boolean handedOut = false;
    try {
      HttpHost target = HttpHost.create(request.uri());
      String host = request.origin().hostWithPort();
      Watchdog.Watch watch = watchdog.watch(wire::cancel);
      if (request.body().isPresent()) {
        RequestBody body = request.body().get();
        upload = body.open();
        // a body may take long to send: each write gets the idle timeout, and the wait for the
        // answer starts after the last one
        wire.setEntity(
            new UploadEntity(
                upload,
                body.contentLength(),
                ContentType.parse(body.contentType()),
                () -> watch.arm(idleReadTimeout),
                () -> watch.arm(responseTimeout)));
        watch.arm(idleReadTimeout);
      } else {
        watch.arm(responseTimeout);
      }
      ClassicHttpResponse answer;
      try {
        answer = client.executeOpen(target, wire, null);
      } catch (IOException e) {
        boolean fired = watch.disarm();
        watch.close();
        if (!fired && FailureText.of(e).equals("connect timed out")) {
          unreachable.connectTimedOut(request.origin());
        }
        throw fired ? noResponse(host, e) : e;
      } catch (RuntimeException e) {
        watch.close();
        throw e;
      }
      if (watch.disarm()) {
        watch.close();
        answer.close();
        throw noResponse(host, null);
      }
      unreachable.answered(request.origin());
      HttpEntity entity = answer.getEntity();
      InputStream content =
          entity == null ? new ByteArrayInputStream(new byte[0]) : entity.getContent();
      long length = entity == null ? 0 : entity.getContentLength();
      InputStream body =
          new WatchedBody(
              content,
              length,
              watch,
              idleReadTimeout,
              wire::cancel,
              closingBoth(answer, tracked),
              host);
      Response response = Response.of(request, answer.getCode(), headersOf(answer), body);
      handedOut = true; // tracked until its body is closed
      return response;
    } catch (IOException e) {
      throw new TransportIOException(request, e);
    } finally {
      if (!handedOut) {
        tracked.close();
      }
      if (upload != null) {
        upload.close();
      }
    }
  }

  /** Closes {@code response}, then stops tracking its exchange, even if closing failed. */
  private static Closeable closingBoth(Closeable response, Closeable tracked) {
    return () -> {
      try {
        response.close();
      } finally {
        tracked.close();
      }
    };
  }

  private SocketTimeoutException noResponse(String host, IOException cause) {
    SocketTimeoutException e =
        new SocketTimeoutException(
            "no response from " + host + " within " + responseTimeout.toMillis() + " ms");
    e.initCause(cause);
    return e;
  }

  private static Headers headersOf(ClassicHttpResponse answer) {
    Headers.Builder headers = Headers.builder();
    for (Header h : answer.getHeaders()) {
      headers.add(h.getName(), h.getValue() == null ? "" : h.getValue());
    }
    return headers.build();
  }

  /** Connections currently leased from the pool (a response not yet closed holds one). */
  public int leasedConnections() {
    return pool.getTotalStats().getLeased();
  }

  /** Closes the client and every pooled connection. */
  @Override
  public void close() {
    watchdog.close();
    client.close(CloseMode.GRACEFUL);
    pool.close(CloseMode.IMMEDIATE);
  }
}
