package dev.registryclient.oci.client;

import dev.registryclient.api.client.HostCheck;
import dev.registryclient.api.client.HostRole;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.tls.TlsSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Whether a TCP connection to a host can be made from here, and for https a TLS handshake verified
 * as the transport verifies it (the JDK's trust store plus {@code certs.d}, the host name checked):
 * the question a firewall allowlist answers. A host whose verification is turned off gets the TCP
 * connect only. Connects directly, never through a proxy.
 */
final class ConnectionCheck {
  private final int timeoutMillis;
  private final TlsSettings tls;

  /**
   * Checks that wait at most {@code timeout} for the connect and again for the handshake.
   *
   * @param tls the verification the transport applies, including its insecure hosts
   */
  ConnectionCheck(Duration timeout, TlsSettings tls) {
    this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    this.tls = tls;
  }

  /** The check of {@code origin}, contacted for {@code roles}. */
  HostCheck check(Origin origin, Set<HostRole> roles) {
    boolean verifyTls = !origin.isPlainHttp() && !tls.isInsecure(origin.host(), origin.port());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(origin.host(), origin.port()), timeoutMillis);
      if (verifyTls) {
        handshake(socket, origin);
      }
      return HostCheck.reachable(origin.hostWithPort(), roles, verifyTls);
    } catch (UnknownHostException e) {
      // its message is the bare name; say what it means
      return HostCheck.unreachable(
          origin.hostWithPort(), roles, verifyTls, "unknown host " + origin.host());
    } catch (IOException e) {
      return HostCheck.unreachable(origin.hostWithPort(), roles, verifyTls, oneLine(e));
    }
  }

  private void handshake(Socket socket, Origin origin) throws IOException {
    var factory = tls.contextFor(origin.host(), origin.port()).getSocketFactory();
    try (SSLSocket ssl =
        (SSLSocket) factory.createSocket(socket, origin.host(), origin.port(), false)) {
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the name, not just the chain
      ssl.setSSLParameters(parameters);
      ssl.setSoTimeout(timeoutMillis);
      ssl.startHandshake();
    }
  }

  private static String oneLine(IOException e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return why.strip().replaceAll("\\s+", " ");
  }
}
