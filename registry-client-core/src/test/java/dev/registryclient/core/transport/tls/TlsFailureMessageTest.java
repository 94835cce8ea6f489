package dev.registryclient.core.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.core.testing.FakeSleeper;
import dev.registryclient.core.testing.TestCertificates;
import dev.registryclient.core.testing.TestTransports;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a TLS failure says: which problem (unknown CA, a certificate for another name, an expired
 * one) and what to do about it, instead of the proxy/firewall/DNS hint of an unreachable host.
 */
class TlsFailureMessageTest {
  private static TestCertificates certificates;

  @TempDir Path certsD;
  private HttpsServer server;
  private ExecutorService executor;

  @BeforeAll
  static void issue() throws Exception {
    certificates = new TestCertificates();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private URI start(SSLContext context) throws Exception {
    server = HttpsServer.create(new InetSocketAddress(TestCertificates.loopback(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext(
        "/",
        ex -> {
          try (ex) {
            ex.sendResponseHeaders(200, -1);
          }
        });
    server.start();
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  private TransportException failure(URI base, boolean trustTheCa) throws Exception {
    if (trustTheCa) {
      certificates.writeCa(certsD.resolve("127.0.0.1:" + base.getPort()));
    }
    try (Transport transport =
        TestTransports.quick(new FakeSleeper()).certsDirectories(List.of(certsD)).build()) {
      return catchThrowableOfType(
          TransportException.class,
          () -> {
            try (Response r = transport.execute(Request.get(base.resolve("/v2/")))) {
              r.body().readAllBytes();
            }
          });
    }
  }

  @Test
  void anUnknownCaSaysSoAndPointsToCertsDAndInsecureTls() throws Exception {
    URI base = start(certificates.serverContext());
    String host = "127.0.0.1:" + base.getPort();

    TransportException e = failure(base, false);

    assertThat(e.getMessage())
        .contains("TLS with " + host + " failed: its certificate is not signed by a CA")
        .contains("/etc/containers/certs.d/" + host + "/ca.crt")
        .contains("~/.config/containers/certs.d/" + host + "/ca.crt")
        .contains("for a lab registry turn off verification for this host (insecure TLS)")
        .doesNotContain("firewall", "PKIX");
  }

  @Test
  void aCertificateForAnotherNameSaysSo() throws Exception {
    Instant now = Instant.now();
    URI base =
        start(
            certificates.serverContext(
                "registry.invalid", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))));

    TransportException e = failure(base, true);

    assertThat(e.getMessage())
        .contains("failed: its certificate is not issued for 127.0.0.1")
        .contains("Use a host name the certificate was issued for")
        .contains("insecure TLS")
        .doesNotContain("certs.d", "firewall");
  }

  @Test
  void anExpiredCertificateSaysSo() throws Exception {
    Instant now = Instant.now();
    URI base =
        start(
            certificates.serverContext(
                "localhost", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))));

    TransportException e = failure(base, true);

    assertThat(e.getMessage())
        .contains("failed: its certificate has expired")
        .contains("renewed, or this machine's clock is wrong")
        .doesNotContain("firewall");
  }

  @Test
  void aServerAnsweringInPlainHttpSaysSoAtOnceWithoutRetrying() throws Exception {
    FakeSleeper sleeper = new FakeSleeper();
    try (ServerSocket plain = new ServerSocket(0, 8, TestCertificates.loopback());
        Transport transport = TestTransports.quick(sleeper).build()) {
      Thread answering = new Thread(() -> answerLikeGo(plain), "plain-http-answer");
      answering.setDaemon(true);
      answering.start();
      URI base = URI.create("https://127.0.0.1:" + plain.getLocalPort());

      TransportException e =
          catchThrowableOfType(
              TransportException.class,
              () -> transport.execute(Request.get(base.resolve("/v2/"))).close());

      assertThat(e.getMessage())
          .contains("TLS with 127.0.0.1:" + base.getPort() + " failed: it answered in plain http")
          .contains("If this registry serves only plain http, use http for it")
          .doesNotContain("gave up", "firewall", "certs.d");
      assertThat(sleeper.waits()).as("the same answer every time: no retries").isEmpty();
    }
  }

  /**
   * What Go's http server (docker-registry, most registries) does with a TLS ClientHello on a plain
   * port: an HTTP 400 answer, then the connection closes.
   */
  private static void answerLikeGo(ServerSocket plain) {
    for (int i = 0; i < 10 && !plain.isClosed(); i++) {
      try (Socket client = plain.accept()) {
        client.setSoTimeout(10_000);
        client.getInputStream().read(new byte[512]);
        client
            .getOutputStream()
            .write(
                ("HTTP/1.0 400 Bad Request\r\n\r\n"
                        + "Client sent an HTTP request to an HTTPS server.\n")
                    .getBytes(StandardCharsets.US_ASCII));
      } catch (IOException e) {
        return; // closed at the end of the test
      }
    }
  }
}
