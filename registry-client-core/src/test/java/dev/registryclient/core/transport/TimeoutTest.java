package dev.registryclient.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.exception.TransportException;
import dev.registryclient.core.TransportBuilder;
import dev.registryclient.core.testing.FakeSleeper;
import dev.registryclient.core.testing.TestTransports;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.TestRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeoutTest {
  private final FakeSleeper sleeper = new FakeSleeper();

  private TransportBuilder quick() {
    return TestTransports.quick(sleeper).retryPolicy(RetryPolicy.none());
  }

  @Test
  void aStalledBodyFailsWithTheIdleReadTimeoutInsteadOfHanging() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.slowBody(1).on("/blobs/")).start();
        Transport transport = quick().idleReadTimeout(Duration.ofMillis(300)).build()) {
      PushedBlob blob = registry.pushRandomBlob("app", 1_000, "application/octet-stream");
      try (Response r =
          transport.execute(
              Request.get(registry.url().resolve("/v2/app/blobs/" + blob.digest())))) {
        assertThat(r.status()).isEqualTo(200);
        assertThatThrownBy(() -> r.body().readAllBytes())
            .isInstanceOf(SocketTimeoutException.class)
            .hasMessageContaining("idle-read timeout")
            .hasMessageContaining(registry.hostAndPort());
      }
    }
  }

  @Test
  void aHostThatAcceptsButNeverAnswersFailsWithTheResponseTimeout() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder()
                .cdnRedirects(Duration.ofMinutes(1))
                .faults(Fault.cdnReadTimeout())
                .start();
        Transport transport = quick().responseTimeout(Duration.ofMillis(300)).build()) {
      PushedBlob blob = registry.pushRandomBlob("app", 1_000, "application/octet-stream");
      Request get = Request.get(registry.url().resolve("/v2/app/blobs/" + blob.digest()));
      assertThatThrownBy(() -> transport.execute(get))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("within 300 ms")
          .hasMessageContaining("(redirected from " + registry.hostAndPort() + ")");
    }
  }

  @Test
  void aTlsHandshakeThatNeverCompletesTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Transport transport =
            quick()
                .tlsHandshakeTimeout(Duration.ofMillis(300))
                .responseTimeout(Duration.ofSeconds(30))
                .build()) {
      URI uri = URI.create("https://127.0.0.1:" + silent.getLocalPort() + "/v2/");
      assertThatThrownBy(() -> transport.execute(Request.get(uri)))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("127.0.0.1:" + silent.getLocalPort())
          .hasMessageContaining("timed out");
    }
  }
}
