package dev.registryclient.core.transport.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.core.testing.FakeSleeper;
import dev.registryclient.core.transport.Headers;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.RetryBudget;
import dev.registryclient.core.transport.RetryEvent;
import dev.registryclient.core.transport.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * How a resume treats odd answers, with a scripted {@link BlobUrlSource} (the HTTP side is covered
 * against the test kit in {@link ResumableBlobStreamTest}).
 */
class ResumeAnswersTest {
  private static final Request GET =
      Request.get(URI.create("https://registry.example/v2/app/blobs/sha256:00"));
  private final byte[] blob = new byte[10_000];
  private final List<Long> asked = new ArrayList<>();
  private final List<RetryEvent> events = new ArrayList<>();

  ResumeAnswersTest() {
    new Random(7).nextBytes(blob);
  }

  private Digest digest() throws Exception {
    return Digest.parse(
        "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(blob)));
  }

  /** A body that delivers {@code length} bytes from {@code from}, then fails if {@code cut}. */
  private Response answer(int status, String contentRange, int from, int length, boolean cut) {
    Headers.Builder headers = Headers.builder();
    if (contentRange != null) {
      headers.add("Content-Range", contentRange);
    }
    InputStream bytes = new ByteArrayInputStream(blob, from, length);
    InputStream body =
        !cut
            ? bytes
            : new InputStream() {
              @Override
              public int read() throws IOException {
                int b = bytes.read();
                if (b < 0) {
                  throw new IOException("Connection reset");
                }
                return b;
              }
            };
    return Response.of(GET, status, headers.build(), body);
  }

  private InputStream open(BlobUrlSource source) throws Exception {
    RetryBudget budget =
        RetryPolicy.builder().maxAttempts(4).build().newBudget(new FakeSleeper(), events::add);
    return ResumableBlobStream.open(
        source, digest(), blob.length, ErrorContext.of(Phase.BLOB), budget);
  }

  @Test
  void a206StartingElsewhereIsDroppedAndTheBodyRestartsFromZero() throws Exception {
    BlobUrlSource source =
        offset -> {
          asked.add(offset);
          if (asked.size() == 1) {
            return answer(200, null, 0, 3_000, true);
          }
          if (offset > 0) {
            return answer(206, "bytes 1000-9999/10000", 1_000, 9_000, false);
          }
          return answer(200, null, 0, blob.length, false);
        };
    try (InputStream in = open(source)) {
      assertThat(in.readAllBytes()).isEqualTo(blob);
    }
    assertThat(asked).containsExactly(0L, 3_000L, 0L);
    assertThat(events)
        .singleElement()
        .extracting(RetryEvent::kind)
        .isEqualTo(RetryEvent.Kind.RESUME);
  }

  @Test
  void everyCutContinuesFromTheLastByteReceived() throws Exception {
    BlobUrlSource source =
        offset -> {
          asked.add(offset);
          int from = (int) offset;
          int length = Math.min(2_500, blob.length - from);
          String range = from == 0 ? null : "bytes " + from + "-9999/10000";
          return answer(from == 0 ? 200 : 206, range, from, length, from + length < blob.length);
        };
    try (InputStream in = open(source)) {
      assertThat(in.readAllBytes()).isEqualTo(blob);
    }
    assertThat(asked).containsExactly(0L, 2_500L, 5_000L, 7_500L);
    assertThat(events)
        .extracting(RetryEvent::toString)
        .first()
        .asString()
        .startsWith("(2/4) resuming blob sha256:")
        .contains("at byte 2500 from registry.example:443")
        .endsWith(": connection reset");
  }
}
