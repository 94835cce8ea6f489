package dev.registryclient.core.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.registryclient.api.exception.RedirectException;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.core.TransportBuilder;
import dev.registryclient.core.testing.FakeSleeper;
import dev.registryclient.core.testing.StubServer;
import dev.registryclient.core.testing.StubServer.Reply;
import dev.registryclient.core.testing.TestCertificates;
import dev.registryclient.core.testing.TestTransports;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {
  private static TestCertificates certificates;

  @TempDir Path certsD;
  private HttpsServer server;
  private ExecutorService executor;
  private volatile String redirectTarget;

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

  private URI start(boolean requireClientCertificate) throws Exception {
    return start(certificates.serverContext(), requireClientCertificate);
  }

  private URI start(SSLContext context, boolean requireClientCertificate) throws Exception {
    server = HttpsServer.create(new InetSocketAddress(TestCertificates.loopback(), 0), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = context.getDefaultSSLParameters();
            p.setNeedClientAuth(requireClientCertificate);
            params.setSSLParameters(p);
          }
        });
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext("/", this::answer);
    server.start();
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  private void answer(HttpExchange ex) throws IOException {
    try (ex) {
      ex.getRequestBody().readAllBytes();
      if (ex.getRequestURI().getPath().startsWith("/v2/app/") && redirectTarget != null) {
        ex.getResponseHeaders().set("Location", redirectTarget);
        ex.sendResponseHeaders(302, -1);
        return;
      }
      byte[] body = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
    }
  }

  private TransportBuilder transport() {
    return TestTransports.quick(new FakeSleeper()).certsDirectories(List.of(certsD));
  }

  private static int status(Transport transport, URI uri) throws IOException {
    try (Response r = transport.execute(Request.get(uri))) {
      r.body().readAllBytes();
      return r.status();
    }
  }

  private Path hostDir(URI base) {
    return certsD.resolve("127.0.0.1:" + base.getPort());
  }

  @Test
  void aServerSignedByAnUnknownCaIsRefusedByDefault() throws Exception {
    URI base = start(false);
    try (Transport transport = transport().build()) {
      assertThatThrownBy(() -> status(transport, base.resolve("/v2/")))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("TLS with 127.0.0.1:" + base.getPort() + " failed");
    }
  }

  @Test
  void aCaFileInTheHostsCertsDirectoryIsTrusted() throws Exception {
    URI base = start(false);
    certificates.writeCa(hostDir(base));
    try (Transport transport = transport().build()) {
      assertThat(status(transport, base.resolve("/v2/"))).isEqualTo(200);
    }
  }

  /** What the reachability check relies on: no HttpClient host name verifier there. */
  @Test
  void theContextChecksTheHostNameItselfWhenAsked() throws Exception {
    Instant now = Instant.now();
    URI base =
        start(
            certificates.serverContext(
                "registry.invalid", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1))),
            false);
    certificates.writeCa(hostDir(base));
    SSLContext client =
        TlsSettings.builder()
            .certsDirectories(List.of(certsD))
            .build()
            .contextFor("127.0.0.1", base.getPort());

    assertThatThrownBy(() -> handshake(client, base, true))
        .isInstanceOf(SSLHandshakeException.class);
    handshake(client, base, false); // the chain itself is trusted: only the name is wrong
  }

  private static void handshake(SSLContext context, URI base, boolean checkName)
      throws IOException {
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", base.getPort())) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm(checkName ? "HTTPS" : null);
      socket.setSSLParameters(parameters);
      socket.setSoTimeout(10_000);
      socket.startHandshake();
    }
  }

  @Test
  void anInsecureHostIsReachedWithoutVerification() throws Exception {
    URI base = start(false);
    try (Transport transport = transport().insecure("127.0.0.1:" + base.getPort()).build()) {
      assertThat(status(transport, base.resolve("/v2/"))).isEqualTo(200);
    }
  }

  @Test
  void aClientCertificateWithAPkcs1PemKeyIsPresentedWhenTheServerAsks() throws Exception {
    URI base = start(true);
    certificates.writeCa(hostDir(base));
    try (Transport withoutCertificate = transport().build()) {
      assertThatThrownBy(() -> status(withoutCertificate, base.resolve("/v2/")))
          .isInstanceOf(TransportException.class);
    }
    certificates.writeClient(hostDir(base));
    assertThat(Files.readString(hostDir(base).resolve("client.key")))
        .startsWith("-----BEGIN RSA PRIVATE KEY-----");
    try (Transport transport = transport().build()) {
      assertThat(status(transport, base.resolve("/v2/"))).isEqualTo(200);
    }
  }

  @Test
  void anUnreadableKeyFileFailsNamingTheFile() throws Exception {
    URI base = start(false);
    certificates.writeCa(hostDir(base));
    certificates.writeClient(hostDir(base));
    Files.writeString(hostDir(base).resolve("client.key"), "not a key");
    try (Transport transport = transport().build()) {
      assertThatThrownBy(() -> status(transport, base.resolve("/v2/")))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("client.key");
    }
  }

  @Test
  void aRedirectFromHttpsDownToHttpIsRefusedUnlessTheTargetIsOptedIn() throws Exception {
    URI base = start(false);
    certificates.writeCa(hostDir(base));
    try (StubServer plain = StubServer.start()) {
      plain.route("/v2/", r -> Reply.of(200, "{}"));
      redirectTarget = plain.uri("/v2/app/manifests/1").toString();
      try (Transport transport = transport().build()) {
        assertThatThrownBy(() -> status(transport, base.resolve("/v2/app/manifests/1")))
            .isInstanceOf(RedirectException.class)
            .hasMessageContaining("down to plain " + plain.base())
            .hasMessageContaining("allowRedirectToHttp");
      }
      assertThat(plain.journal()).isEmpty();
      String target = plain.base().getHost() + ":" + plain.base().getPort();
      try (Transport transport = transport().allowRedirectToHttp(target).build()) {
        assertThat(status(transport, base.resolve("/v2/app/manifests/1"))).isEqualTo(200);
      }
      assertThat(plain.journal()).singleElement().matches(r -> r.header("Authorization").isEmpty());
    }
  }
}
