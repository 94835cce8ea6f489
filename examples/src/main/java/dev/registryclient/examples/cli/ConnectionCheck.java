package dev.registryclient.examples.cli;

import dev.registryclient.core.transport.Origin;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Whether a TCP connection (and for https a verified TLS handshake) to a host:port works from here:
 * the question a firewall allowlist answers.
 */
final class ConnectionCheck {
  private final Duration timeout;
  private final boolean verifyTls;

  ConnectionCheck(Duration timeout, boolean verifyTls) {
    this.timeout = timeout;
    this.verifyTls = verifyTls;
  }

  /** {@code "ok (tcp)"}, {@code "ok (tls)"}, or {@code "FAILED (why)"}. */
  Result check(Origin origin) {
    int millis = (int) timeout.toMillis();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(origin.host(), origin.port()), millis);
      if (!origin.isPlainHttp() && verifyTls) {
        SSLSocketFactory tls = (SSLSocketFactory) SSLSocketFactory.getDefault();
        try (SSLSocket ssl =
            (SSLSocket) tls.createSocket(socket, origin.host(), origin.port(), false)) {
          ssl.setSoTimeout(millis);
          ssl.startHandshake();
        }
        return new Result(true, "tls");
      }
      return new Result(true, "tcp");
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Result(false, why.strip().replaceAll("\\s+", " "));
    }
  }

  /** The outcome of one check. */
  record Result(boolean ok, String detail) {
    @Override
    public String toString() {
      return (ok ? "ok" : "FAILED") + " (" + detail + ")";
    }
  }
}
