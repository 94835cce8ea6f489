package dev.registryclient.core.transport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.exception.TransportException;
import dev.registryclient.core.testing.FakeSleeper;
import dev.registryclient.core.testing.StubServer;
import dev.registryclient.core.testing.StubServer.Reply;
import dev.registryclient.core.testing.TestTransports;
import org.junit.jupiter.api.Test;

/**
 * A CDN host that does not resolve gets the same hint as one that refuses or times out: the user
 * never typed that host, so the message says the registry needs it. Names under {@code .invalid}
 * never resolve (RFC 6761).
 */
class CdnHostNameFailureTest {
  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @Test
  void aCdnHostThatDoesNotResolveGetsTheFirewallHintNamingBothHosts() throws Exception {
    try (StubServer registry = StubServer.start();
        Transport transport =
            TestTransports.quick(new FakeSleeper())
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                .build()) {
      registry.route("/v2/", r -> Reply.of(200, "{}"));
      registry.route(
          "/v2/app/blobs/",
          r -> Reply.of(307, "", "Location", "http://blobs.registry.invalid/b/" + DIGEST));

      assertThatThrownBy(
              () -> transport.execute(Request.get(registry.uri("/v2/app/blobs/" + DIGEST))))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("unknown host blobs.registry.invalid")
          .hasMessageContaining("(redirected from " + registry.base().getAuthority() + ")")
          .hasMessageContaining(
              "The registry serves blobs from this host: allow it through your firewall or proxy");
    }
  }
}
