package dev.registryclient.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.core.testing.FakeSleeper;
import dev.registryclient.core.testing.StubServer;
import dev.registryclient.core.testing.StubServer.Reply;
import dev.registryclient.core.testing.TestTransports;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A long upload is judged by its silences (the idle timeout), not by its length. */
class UploadTimeoutTest {
  private static final int PIECES = 20;
  private static final int PIECE = 8192;

  /** A body that takes about 2 s to produce, in 100 ms steps. */
  private static RequestBody slowBody() {
    return new RequestBody() {
      @Override
      public String contentType() {
        return "application/octet-stream";
      }

      @Override
      public long contentLength() {
        return (long) PIECES * PIECE;
      }

      @Override
      public boolean repeatable() {
        return false;
      }

      @Override
      public InputStream open() {
        return new InputStream() {
          private int pieces;

          @Override
          public int read() {
            throw new UnsupportedOperationException();
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (pieces == PIECES) {
              return -1;
            }
            try {
              Thread.sleep(100);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return -1;
            }
            pieces++;
            int n = Math.min(len, PIECE);
            java.util.Arrays.fill(b, off, off + n, (byte) 'x');
            return n;
          }
        };
      }
    };
  }

  @Test
  void anUploadLongerThanTheResponseTimeoutIsNotCutWhileItKeepsSending() throws Exception {
    try (StubServer server = StubServer.start();
        Transport transport =
            TestTransports.quick(new FakeSleeper())
                .retryPolicy(RetryPolicy.none())
                .responseTimeout(Duration.ofMillis(700))
                .idleReadTimeout(Duration.ofSeconds(20))
                .build()) {
      server.route("/v2/", r -> Reply.of(200, "{}"));
      server.route(
          "/v2/app/blobs/uploads/",
          r -> Reply.of(202, "", "Range", "0-" + (r.body().length() - 1)));
      Request patch =
          Request.builder(server.uri("/v2/app/blobs/uploads/u1"))
              .method("PATCH")
              .body(slowBody())
              .build();

      try (Response response = transport.execute(patch)) {
        assertThat(response.status()).isEqualTo(202);
      }
      assertThat(server.requests("/v2/app/blobs/uploads/").get(0).body()).hasSize(PIECES * PIECE);
    }
  }
}
