package dev.registryclient.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.exception.TransportException;
import dev.registryclient.core.testing.StubServer;
import dev.registryclient.core.testing.StubServer.Reply;
import dev.registryclient.core.transport.http5.ApacheEngine;
import dev.registryclient.core.transport.http5.EngineOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApacheEngineTest {
  private StubServer server;
  private ApacheEngine engine;
  private Transport transport;

  @BeforeEach
  void start() throws Exception {
    server = StubServer.start();
    server.route(
        "/big",
        r -> new Reply(200, java.util.Map.of("Content-Encoding", "gzip"), new byte[256 * 1024]));
    server.route("/moved", r -> Reply.of(302, "", "Location", "/elsewhere"));
    engine =
        new ApacheEngine(
            EngineOptions.defaults()
                .withTimeouts(
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(5)));
    transport = new InterceptingTransport(List.of(engine), engine);
  }

  @AfterEach
  void stop() {
    transport.close();
    server.close();
  }

  @Test
  void bodyStreamsUnchangedAndClosingReleasesTheConnection() throws Exception {
    try (Response r = transport.execute(Request.get(server.uri("/big")))) {
      assertThat(engine.leasedConnections()).isEqualTo(1);
      assertThat(r.body().readAllBytes()).hasSize(256 * 1024); // no gzip decoding
    }
    assertThat(engine.leasedConnections()).isZero();
  }

  @Test
  void closingBeforeTheEndAbortsAndReleasesTheConnection() throws Exception {
    Response r = transport.execute(Request.get(server.uri("/big")));
    assertThat(r.body().read(new byte[10])).isEqualTo(10);
    r.close();
    assertThat(engine.leasedConnections()).isZero();
  }

  @Test
  void redirectsAreReturnedNotFollowed() throws Exception {
    try (Response r = transport.execute(Request.get(server.uri("/moved")))) {
      assertThat(r.status()).isEqualTo(302);
      assertThat(r.header("location")).contains("/elsewhere");
    }
    assertThat(server.journal()).hasSize(1);
  }

  @Test
  void requestHeadersAndBodyReachTheServer() throws Exception {
    Request put =
        Request.builder(server.uri("/v2/app/manifests/1"))
            .method("PUT")
            .header("X-Test", "yes")
            .body(RequestBody.of("{}".getBytes(StandardCharsets.UTF_8), "application/json"))
            .build();
    transport.execute(put).close();
    assertThat(server.journal().get(0).header("X-Test")).contains("yes");
    assertThat(server.journal().get(0).body()).isEqualTo("{}");
  }

  @Test
  void refusedConnectionNamesTheHostAndPort() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port + "/v2/app/blobs/sha256:abc");
    assertThatThrownBy(() -> transport.execute(Request.get(closed)))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining("127.0.0.1:" + port)
        .hasMessageContaining("blob");
  }
}
