package dev.registryclient.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TlsRefusingPortTest {
  HttpServer server;
  TlsRefusingPort port;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          byte[] body = ("you asked for " + ex.getRequestURI()).getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.start();
    port = new TlsRefusingPort(InetAddress.getLoopbackAddress(), server.getAddress(), "test-");
  }

  @AfterEach
  void stop() {
    port.close();
    server.stop(0);
  }

  @Test
  void aTlsClientHelloIsAnsweredByHangingUp() throws IOException {
    try (Socket socket = connect()) {
      socket.setSoTimeout(5_000); // a hang fails with SocketTimeoutException instead of passing
      socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5});
      InputStream in = socket.getInputStream();
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void plainHttpIsPipedToTheServerUnchanged() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port.address().getPort() + "/v2/a/b?c=d"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("you asked for /v2/a/b?c=d");
  }

  @Test
  void afterCloseNoConnectionIsAccepted() {
    port.close();
    assertThatThrownBy(this::connect).isInstanceOf(IOException.class);
  }

  private Socket connect() throws IOException {
    return new Socket(port.address().getAddress(), port.address().getPort());
  }
}
