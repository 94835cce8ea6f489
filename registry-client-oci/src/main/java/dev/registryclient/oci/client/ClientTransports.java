package dev.registryclient.oci.client;

import dev.registryclient.api.client.ClientSettings;
import dev.registryclient.api.client.RegistrySettings;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.core.transport.TransportBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client's transports: one per distinct {@link RegistrySettings} (timeouts differ per
 * transport), created on first use and closed with the client. Most clients have exactly one.
 */
final class ClientTransports implements AutoCloseable {
  private final ClientSettings settings;
  private final Map<RegistrySettings, Transport> transports = new ConcurrentHashMap<>();
  private volatile boolean closed;

  ClientTransports(ClientSettings settings) {
    this.settings = settings;
    for (RegistrySettings s : settings.registries().values()) {
      check(s);
    }
    check(settings.defaults());
  }

  private static void check(RegistrySettings s) {
    if (s.insecureTls()) {
      // failing loudly beats silently verifying certificates the caller asked us not to verify
      throw new UnsupportedOperationException(
          "insecure TLS is not supported by the transport yet; use plain http for test registries");
    }
  }

  /** The transport for {@code registry} ({@code host[:port]} as in references). */
  Transport forRegistry(String registry) {
    if (closed) {
      throw new IllegalStateException("the registry client is closed");
    }
    return transports.computeIfAbsent(settings.forRegistry(registry), this::build);
  }

  private Transport build(RegistrySettings s) {
    TransportBuilder builder =
        TransportBuilder.create()
            .userAgent(settings.userAgent())
            .credentials(settings.credentials())
            .retryListener(RetryCapture.LISTENER);
    // every blob worker of a pull needs its own connection to the same host (plus one for
    // manifests and tokens); waiting for a pooled connection counts against the connect timeout
    int perHost = Math.max(6, settings.parallelism() + 2);
    builder.maxConnections(Math.max(20, 2 * perHost), perHost);
    s.connectTimeout().ifPresent(builder::connectTimeout);
    s.readTimeout().ifPresent(t -> builder.responseTimeout(t).socketTimeout(t));
    settings
        .registries()
        .forEach(
            (host, rs) -> {
              if (rs.plainHttp().orElse(false)) {
                builder.allowCredentialsOverHttp(host); // the caller chose plain http for this host
              }
            });
    return builder.build();
  }

  @Override
  public void close() {
    closed = true;
    transports.values().forEach(ClientTransports::closeQuietly);
    transports.clear();
  }

  private static void closeQuietly(Transport t) {
    try {
      t.close();
    } catch (RuntimeException e) {
      // closing a pool; nothing useful to do with a failure here
    }
  }
}
