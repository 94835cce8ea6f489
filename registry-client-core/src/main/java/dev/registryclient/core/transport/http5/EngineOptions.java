package dev.registryclient.core.transport.http5;

import dev.registryclient.core.transport.tls.TlsSettings;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts, pool limits, TLS and proxies of the {@link ApacheEngine}.
 *
 * @param connectTimeout TCP connect, and waiting for a pooled connection
 * @param tlsHandshakeTimeout the TLS handshake once connected
 * @param responseTimeout waiting for the response headers after the request was sent
 * @param idleReadTimeout the longest silence while reading a body (a stalled body fails)
 * @param maxConnections connections in the pool, all hosts together
 * @param maxConnectionsPerRoute connections to one host:port
 * @param tls trust, client certificates and insecure hosts
 * @param proxies which proxy (if any) each URL goes through
 */
public record EngineOptions(
    Duration connectTimeout,
    Duration tlsHandshakeTimeout,
    Duration responseTimeout,
    Duration idleReadTimeout,
    int maxConnections,
    int maxConnectionsPerRoute,
    TlsSettings tls,
    ProxySelector proxies) {

  /** Validates the options. */
  public EngineOptions {
    positive(connectTimeout, "connectTimeout");
    positive(tlsHandshakeTimeout, "tlsHandshakeTimeout");
    positive(responseTimeout, "responseTimeout");
    positive(idleReadTimeout, "idleReadTimeout");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(proxies, "proxies");
    if (maxConnections < 1
        || maxConnectionsPerRoute < 1
        || maxConnectionsPerRoute > maxConnections) {
      throw new IllegalArgumentException(
          "need 1 <= maxConnectionsPerRoute <= maxConnections, got "
              + maxConnectionsPerRoute
              + " and "
              + maxConnections);
    }
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }

  /**
   * 10 s connect and TLS handshake, 60 s response, 60 s idle read, 20 connections, 6 per host,
   * default TLS, no proxy.
   */
  public static EngineOptions defaults() {
    return new EngineOptions(
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ofSeconds(60),
        20,
        6,
        TlsSettings.defaults(),
        ProxySelector.of(null));
  }

  /** These options with other timeouts. */
  public EngineOptions withTimeouts(
      Duration connect, Duration tlsHandshake, Duration response, Duration idleRead) {
    return new EngineOptions(
        connect,
        tlsHandshake,
        response,
        idleRead,
        maxConnections,
        maxConnectionsPerRoute,
        tls,
        proxies);
  }
}
