package dev.registryclient.core.transport.http5;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and pool limits of the {@link ApacheEngine}.
 *
 * @param connectTimeout TCP (and TLS) connect, and waiting for a pooled connection
 * @param responseTimeout waiting for the response headers after the request was sent
 * @param socketTimeout the longest silence while reading a body (idle-read timeout)
 * @param maxConnections connections in the pool, all hosts together
 * @param maxConnectionsPerRoute connections to one host:port
 */
public record EngineOptions(
    Duration connectTimeout,
    Duration responseTimeout,
    Duration socketTimeout,
    int maxConnections,
    int maxConnectionsPerRoute) {

  /** Validates the options. */
  public EngineOptions {
    positive(connectTimeout, "connectTimeout");
    positive(responseTimeout, "responseTimeout");
    positive(socketTimeout, "socketTimeout");
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

  /** 10 s connect, 60 s response, 60 s idle read, 20 connections, 6 per host. */
  public static EngineOptions defaults() {
    return new EngineOptions(
        Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(60), 20, 6);
  }
}
