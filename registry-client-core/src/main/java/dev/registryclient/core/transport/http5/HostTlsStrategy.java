package dev.registryclient.core.transport.http5;

import dev.registryclient.core.transport.tls.TlsSettings;
import java.io.IOException;
import java.net.Socket;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Upgrades each connection to TLS with the settings for its own host: extra CAs and a client
 * certificate from {@code certs.d}, or no verification for hosts listed as insecure. Contexts are
 * built on first use per host:port and kept for the life of the engine.
 */
final class HostTlsStrategy implements TlsSocketStrategy {
  private final TlsSettings settings;
  private final Map<String, TlsSocketStrategy> byHost = new ConcurrentHashMap<>();

  HostTlsStrategy(TlsSettings settings) {
    this.settings = settings;
  }

  @Override
  public SSLSocket upgrade(
      Socket socket, String target, int port, Object attachment, HttpContext context)
      throws IOException {
    String key = target.toLowerCase(Locale.ROOT) + ":" + port;
    TlsSocketStrategy strategy = byHost.get(key);
    if (strategy == null) {
      strategy = create(target, port);
      byHost.putIfAbsent(key, strategy);
    }
    return strategy.upgrade(socket, target, port, attachment, context);
  }

  private TlsSocketStrategy create(String target, int port) throws IOException {
    SSLContext sslContext;
    try {
      sslContext = settings.contextFor(target, port);
    } catch (IOException e) {
      // a broken certs.d file: permanent, so reported as a handshake failure (not retried)
      SSLHandshakeException failure = new SSLHandshakeException(e.getMessage());
      failure.initCause(e);
      throw failure;
    }
    if (settings.isInsecure(target, port)) {
      return new DefaultClientTlsStrategy(
          sslContext, HostnameVerificationPolicy.CLIENT, NoopHostnameVerifier.INSTANCE);
    }
    return new DefaultClientTlsStrategy(sslContext);
  }
}
