package dev.registryclient.core.transport.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.core.testing.FakeSleeper;
import dev.registryclient.core.testing.TestTransports;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.RetryBudget;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.core.transport.RetryPolicy;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.RequestMatcher;
import dev.registryclient.testkit.TestRegistry;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResumableBlobStreamTest {
  // the registry's own blob GETs (its 302s), not the CDN downloads they lead to
  private static final RequestMatcher REGISTRY_BLOB_GETS =
      RequestMatcher.any().method("GET").onBlobs().at(RecordedRequest.Origin.REGISTRY);

  private static final int SIZE = 200_000;
  private static final int CUT = SIZE * 3 / 10;

  private final FakeSleeper sleeper = new FakeSleeper();

  private static TestRegistry.Builder cdn(Duration ttl, Fault... faults) {
    return TestRegistry.builder().cdnRedirects(ttl).faults(faults);
  }

  private static Request blobGet(TestRegistry registry, PushedBlob blob) {
    return Request.get(registry.url().resolve("/v2/app/blobs/" + blob.digest()));
  }

  private static Digest sha256(byte[] bytes) throws Exception {
    return Digest.parse(
        "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
  }

  private static long rangeStart(RecordedRequest r) {
    String range = r.header("Range").orElseThrow();
    return Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
  }

  @Test
  void aBodyCutAtThirtyPercentResumesWithRangeAndResendsOnlyTheMissingPart() throws Exception {
    try (TestRegistry registry =
            cdn(Duration.ofMinutes(5), Fault.disconnectAfter(CUT).at(RecordedRequest.Origin.CDN))
                .start();
        Transport transport = TestTransports.quick(sleeper).build()) {
      PushedBlob blob = registry.pushRandomBlob("app", SIZE, "application/octet-stream");
      byte[] bytes;
      try (InputStream in =
          ResumableBlobStream.open(transport, blobGet(registry, blob), blob.digest(), SIZE)) {
        bytes = in.readAllBytes();
      }
      assertThat(bytes).hasSize(SIZE);
      assertThat(sha256(bytes)).isEqualTo(blob.digest());
      List<RecordedRequest> cdn = registry.journal().cdn();
      assertThat(cdn).extracting(RecordedRequest::status).containsExactly(200, 206);
      assertThat(cdn.get(0).header("Range")).isEmpty();
      assertThat(rangeStart(cdn.get(1))).isEqualTo(CUT); // re-sent: exactly the missing part
    }
  }

  @Test
  void aTcpResetAtThirtyPercentResumesWithRangeAndReportsTheReset() throws Exception {
    List<dev.registryclient.core.transport.RetryEvent> events = new java.util.ArrayList<>();
    try (TestRegistry registry =
            cdn(Duration.ofMinutes(5), Fault.resetAfter(CUT).at(RecordedRequest.Origin.CDN))
                .start();
        Transport transport = TestTransports.quick(sleeper).build()) {
      PushedBlob blob = registry.pushRandomBlob("app", SIZE, "application/octet-stream");
      Request get = blobGet(registry, blob);
      byte[] bytes;
      try (InputStream in =
          ResumableBlobStream.open(
              transport,
              get.newBuilder().retryBudget(transport.newRetryBudget(events::add)).build(),
              blob.digest(),
              SIZE)) {
        bytes = in.readAllBytes();
      }
      assertThat(sha256(bytes)).isEqualTo(blob.digest());
      List<RecordedRequest> cdn = registry.journal().cdn();
      assertThat(cdn).extracting(RecordedRequest::status).containsExactly(200, 206);
      // a RST discards bytes the CDN had not delivered yet: resumed from what the client has
      long resumedAt = rangeStart(cdn.get(1));
      assertThat(resumedAt).isPositive().isLessThanOrEqualTo(CUT);
      assertThat(events)
          .singleElement()
          .satisfies(e -> assertThat(e.reason()).isEqualTo("connection reset"))
          .satisfies(e -> assertThat(e.subject()).endsWith("at byte " + resumedAt));
    }
  }

  @Test
  void aSignedUrlThatExpiredMidBodyIsReplacedByANewOneFromTheRegistry() throws Exception {
    try (TestRegistry registry =
            cdn(Duration.ofSeconds(30), Fault.disconnectAfter(CUT).at(RecordedRequest.Origin.CDN))
                .start();
        Transport transport = TestTransports.quick(sleeper).build()) {
      PushedBlob blob = registry.pushRandomBlob("app", SIZE, "application/octet-stream");
      byte[] bytes;
      try (InputStream in =
          ResumableBlobStream.open(transport, blobGet(registry, blob), blob.digest(), SIZE)) {
        byte[] head = in.readNBytes(SIZE / 10);
        registry.advanceClock(Duration.ofMinutes(1)); // the first signed URL is now stale
        byte[] rest = in.readAllBytes();
        bytes = new byte[head.length + rest.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(rest, 0, bytes, head.length, rest.length);
      }
      assertThat(sha256(bytes)).isEqualTo(blob.digest());
      assertThat(registry.journal().matching(REGISTRY_BLOB_GETS)).hasSize(2);
      List<RecordedRequest> cdn = registry.journal().cdn();
      assertThat(cdn).extracting(RecordedRequest::status).containsExactly(200, 206);
      assertThat(cdn.get(1).target()).isNotEqualTo(cdn.get(0).target());
    }
  }

  @Test
  void aCdnThatIgnoresRangeStillYieldsTheRightBytes() throws Exception {
    try (TestRegistry registry =
            cdn(
                    Duration.ofMinutes(5),
                    Fault.disconnectAfter(CUT).at(RecordedRequest.Origin.CDN),
                    Fault.cdnIgnoresRange())
                .start();
        Transport transport = TestTransports.quick(sleeper).build()) {
      PushedBlob blob = registry.pushRandomBlob("app", SIZE, "application/octet-stream");
      byte[] bytes;
      try (InputStream in =
          ResumableBlobStream.open(transport, blobGet(registry, blob), blob.digest(), SIZE)) {
        bytes = in.readAllBytes();
      }
      assertThat(bytes).hasSize(SIZE);
      assertThat(sha256(bytes)).isEqualTo(blob.digest());
      List<RecordedRequest> cdn = registry.journal().cdn();
      assertThat(cdn).extracting(RecordedRequest::status).containsExactly(200, 200);
      assertThat(rangeStart(cdn.get(1))).isEqualTo(CUT);
    }
  }

  @Test
  void wrongBytesFailTheDigestCheck() throws Exception {
    try (TestRegistry registry = TestRegistry.builder().faults(Fault.wrongBytes()).start();
        Transport transport = TestTransports.quick(sleeper).build()) {
      PushedBlob blob = registry.pushRandomBlob("app", 10_000, "application/octet-stream");
      try (InputStream in =
          ResumableBlobStream.open(transport, blobGet(registry, blob), blob.digest(), 10_000)) {
        assertThatThrownBy(in::readAllBytes)
            .isInstanceOf(DigestMismatchException.class)
            .hasMessageContaining(blob.digest().toString());
      }
    }
  }

  @Test
  void aMissingBlobFailsWhenOpened() throws Exception {
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = TestTransports.quick(sleeper).build()) {
      Digest missing = sha256(new byte[] {1});
      Request get = Request.get(registry.url().resolve("/v2/app/blobs/" + missing));
      assertThatThrownBy(() -> ResumableBlobStream.open(transport, get, missing, 1))
          .isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void aBodyThatKeepsStallingGivesUpAfterBoundedResumesNamingTheHost() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.slowBody(1).on("/blobs/").always()).start();
        Transport transport =
            TestTransports.quick(sleeper).idleReadTimeout(Duration.ofMillis(300)).build()) {
      PushedBlob blob = registry.pushRandomBlob("app", 10_000, "application/octet-stream");
      // two attempts: the first stall, and one resume that stalls too
      RetryBudget budget =
          RetryPolicy.builder().maxAttempts(2).build().newBudget(sleeper, RetryListener.NONE);
      Request get = blobGet(registry, blob).newBuilder().retryBudget(budget).build();
      InputStream in = ResumableBlobStream.open(transport, get, blob.digest(), 10_000);
      try (in) {
        assertThatThrownBy(in::readAllBytes)
            .isInstanceOf(TransportException.class)
            .hasMessageContaining("no body data from " + registry.hostAndPort())
            .hasMessageContaining("idle-read timeout")
            .satisfies(e -> assertThat(e.getSuppressed()).isNotEmpty());
      }
    }
  }
}
