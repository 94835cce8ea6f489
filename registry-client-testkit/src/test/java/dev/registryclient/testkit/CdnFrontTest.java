package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The CDN front in front of the in-process registry; CdnFrontIT does the same with a real one. */
class CdnFrontTest {

  @Test
  void blobsAreRedirectedToTheCdnHostWhichServesTheUpstreamsBytes() {
    try (TestRegistry upstream = TestRegistry.builder().start();
        CdnFront front = CdnFront.builder(upstream.url()).start()) {
      PushedImage image = upstream.image("team/app").layer(5000).push("v1");
      String digest = image.layers().get(0).digest().toString();

      HttpResponse<byte[]> redirect = Http.get(front.url() + "/v2/team/app/blobs/" + digest);
      assertThat(redirect.statusCode()).isEqualTo(302);
      URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
      assertThat(location.getAuthority()).isEqualTo(front.cdnUrl().getAuthority());

      byte[] direct = Http.get(upstream.url() + "/v2/team/app/blobs/" + digest).body();
      assertThat(Http.get(location.toString()).body()).hasSize(5000).isEqualTo(direct);
      assertThat(front.journal().cdn()).extracting(RecordedRequest::status).containsExactly(200);
    }
  }

  @Test
  void challengesOfAnAuthenticatingUpstreamPassThroughUnchanged() {
    try (TestRegistry upstream = TestRegistry.builder().tokenAuth("alice", "secret").start();
        CdnFront front = CdnFront.builder(upstream.url()).start()) {
      HttpResponse<byte[]> direct = Http.get(upstream.url() + "/v2/team/app/manifests/v1");
      HttpResponse<byte[]> viaFront = Http.get(front.url() + "/v2/team/app/manifests/v1");
      assertThat(viaFront.statusCode()).isEqualTo(401);
      assertThat(viaFront.headers().firstValue("WWW-Authenticate"))
          .isEqualTo(direct.headers().firstValue("WWW-Authenticate"));
    }
  }

  @Test
  void aBlackHoleCdnNeverAcceptsAConnection() throws Exception {
    try (TestRegistry upstream = TestRegistry.builder().start();
        CdnFront front = CdnFront.builder(upstream.url()).cdnConnectTimeout().start()) {
      PushedImage image = upstream.image("team/app").layer(10).push("v1");

      HttpResponse<byte[]> redirect =
          Http.get(front.url() + "/v2/team/app/blobs/" + image.layers().get(0).digest());

      assertThat(redirect.statusCode()).isEqualTo(302);
      URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
      assertThat(location.getAuthority()).isNotEqualTo(front.cdnUrl().getAuthority());
      try (Socket socket = new Socket()) {
        InetSocketAddress cdn = new InetSocketAddress(location.getHost(), location.getPort());
        assertThatThrownBy(() -> socket.connect(cdn, 300))
            .isInstanceOf(SocketTimeoutException.class);
      }
      assertThat(front.journal().cdn()).isEmpty();
    }
  }

  @Test
  void expiredUrlsAreRefused() {
    try (TestRegistry upstream = TestRegistry.builder().start();
        CdnFront front =
            CdnFront.builder(upstream.url()).urlLifetime(Duration.ofSeconds(30)).start()) {
      PushedImage image = upstream.image("team/app").layer(10).push("v1");
      HttpResponse<byte[]> redirect =
          Http.get(front.url() + "/v2/team/app/blobs/" + image.layers().get(0).digest());
      front.advanceClock(Duration.ofSeconds(31));
      assertThat(Http.get(redirect.headers().firstValue("Location").orElseThrow()).statusCode())
          .isEqualTo(403);
    }
  }

  @Test
  void upstreamsMustBePlainHttpUrls() {
    assertThatThrownBy(() -> CdnFront.builder(URI.create("ftp://127.0.0.1:1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp://127.0.0.1:1");
  }
}
