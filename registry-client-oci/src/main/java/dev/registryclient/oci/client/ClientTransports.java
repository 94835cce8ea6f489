package dev.registryclient.oci.client;

import dev.registryclient.api.client.ClientSettings;
import dev.registryclient.api.client.RegistrySettings;
import dev.registryclient.api.client.Retries;
import dev.registryclient.core.TransportBuilder;
import dev.registryclient.core.transport.HostLedger;
import dev.registryclient.core.transport.RetryPolicy;
import dev.registryclient.core.transport.Transport;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client's transports: one per distinct {@link RegistrySettings} (timeouts and retries differ
 * per transport), created on first use and closed with the client. Most clients have exactly one. A
 * registry with {@linkplain RegistrySettings#insecureTls() insecure TLS} gets a transport of its
 * own that skips verification for its API host only, so neither other registries sharing the
 * settings nor the CDNs it redirects to go unverified.
 */
final class ClientTransports implements AutoCloseable {
  private final ClientSettings settings;
  private final Map<Key, Transport> transports = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** What a transport is built from: the settings, and the host it trusts blindly if any. */
  private record Key(RegistrySettings settings, Optional<String> insecureHost) {}

  ClientTransports(ClientSettings settings) {
    this.settings = settings;
  }

  /**
   * The transport for {@code registry} ({@code host[:port]} as in references) reached at {@code
   * apiHost} (e.g. {@code registry-1.docker.io} for {@code docker.io}).
   */
  Transport forRegistry(String registry, String apiHost) {
    return forRegistry(apiHost, settings.forRegistry(registry));
  }

  /** The transport for a registry reached at {@code apiHost} with these settings. */
  Transport forRegistry(String apiHost, RegistrySettings s) {
    if (closed) {
      throw new IllegalStateException("the registry client is closed");
    }
    return transports.computeIfAbsent(keyFor(apiHost, s), this::build);
  }

  /**
   * A transport of its own, built like {@link #forRegistry}'s but sending each request once, for a
   * probe such as {@link InsecureSchemes}'. The caller closes it.
   */
  Transport once(String apiHost, RegistrySettings s) {
    return sendingOnce(keyFor(apiHost, s)).build();
  }

  /**
   * A transport of its own for one {@link
   * dev.registryclient.api.client.RegistryClient#reachability} check, built like {@link
   * #forRegistry}'s but sending each request once and noting every host in {@code ledger}. Its own,
   * so that it pings and fetches tokens afresh (the shared one has done so already) and the ledger
   * holds this check's hosts only. The caller closes it.
   */
  Transport probing(String registry, String apiHost, HostLedger ledger) {
    return sendingOnce(keyFor(registry, apiHost)).hostLedger(ledger).build();
  }

  /** A builder like {@link #forRegistry}'s for a transport that sends each request once. */
  private TransportBuilder sendingOnce(Key key) {
    if (closed) {
      throw new IllegalStateException("the registry client is closed");
    }
    return configure(key).retryPolicy(RetryPolicy.none());
  }

  private Key keyFor(String registry, String apiHost) {
    return keyFor(apiHost, settings.forRegistry(registry));
  }

  private static Key keyFor(String apiHost, RegistrySettings s) {
    return new Key(s, s.insecureTls() ? Optional.of(apiHost) : Optional.empty());
  }

  private Transport build(Key key) {
    return configure(key).build();
  }

  private TransportBuilder configure(Key key) {
    RegistrySettings s = key.settings();
    TransportBuilder builder =
        TransportBuilder.create()
            .userAgent(settings.userAgent())
            .credentials(settings.credentials());
    // every blob worker of a pull needs its own connection to the same host (plus one for
    // manifests and tokens); waiting for a pooled connection counts against the connect timeout
    int perHost = Math.max(6, settings.parallelism() + 2);
    builder.maxConnections(Math.max(20, 2 * perHost), perHost);
    s.connectTimeout().ifPresent(builder::connectTimeout);
    s.readTimeout().ifPresent(t -> builder.responseTimeout(t).idleReadTimeout(t));
    s.retries().map(ClientTransports::policy).ifPresent(builder::retryPolicy);
    key.insecureHost().ifPresent(builder::insecure);
    settings
        .registries()
        .forEach(
            (host, rs) -> {
              if (rs.plainHttp().orElse(false)) {
                builder.allowCredentialsOverHttp(host); // the caller chose plain http for this host
              }
            });
    return builder;
  }

  /** The api's retry settings as the transport's policy; the rest stays at its defaults. */
  static RetryPolicy policy(Retries retries) {
    return RetryPolicy.builder()
        .maxAttempts(retries.maxAttempts())
        .initialBackoff(retries.firstBackoff())
        .deadline(retries.maxTotal())
        .build();
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
