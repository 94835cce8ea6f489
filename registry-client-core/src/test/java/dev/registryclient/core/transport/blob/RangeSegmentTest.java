package dev.registryclient.core.transport.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.core.testing.FakeSleeper;
import dev.registryclient.core.testing.TestTransports;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ResumableBlobStream#openRange}: one segment of a blob, resumed within the segment. */
class RangeSegmentTest {
  private static final int SIZE = 300_000;
  private static final ErrorContext CONTEXT = ErrorContext.of(Phase.BLOB);

  private final FakeSleeper sleeper = new FakeSleeper();

  private static BlobUrlSource source(Transport transport, TestRegistry registry, Digest digest) {
    return BlobUrlSource.registry(
        transport, Request.get(registry.url().resolve("/v2/app/blobs/" + digest)));
  }

  private static byte[] content() {
    byte[] bytes = new byte[SIZE];
    new Random(7).nextBytes(bytes);
    return bytes;
  }

  /** Pushes the content and reads {@code [from, to)} of it as one segment. */
  private static void readSegment(TestRegistry registry, Transport transport, int from, int to)
      throws Exception {
    byte[] content = content();
    PushedBlob blob = registry.pushBlob("app", content, "application/octet-stream");
    Optional<InputStream> segment =
        ResumableBlobStream.openRange(
            source(transport, registry, blob.digest()),
            blob.digest(),
            SIZE,
            from,
            to,
            CONTEXT,
            transport.newRetryBudget(RetryListener.NONE));
    assertThat(segment).isPresent();
    try (InputStream in = segment.get()) {
      assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(content, from, to));
    }
  }

  @Test
  void aSegmentAsksForExactlyItsBytesThroughTheCdnRedirect() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder().cdnRedirects(Duration.ofMinutes(5)).start();
        Transport transport = TestTransports.quick(sleeper).build()) {
      readSegment(registry, transport, 100_000, 200_000);

      List<RecordedRequest> cdn = registry.journal().cdn();
      assertThat(cdn).extracting(RecordedRequest::status).containsExactly(206);
      assertThat(cdn.get(0).header("Range")).contains("bytes=100000-199999");
    }
  }

  @Test
  void aCutSegmentResumesWithinItsRangeAndAsksTheRegistryForAFreshUrl() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder()
                .cdnRedirects(Duration.ofMinutes(5))
                .faults(Fault.disconnectAfter(30_000).at(RecordedRequest.Origin.CDN))
                .start();
        Transport transport = TestTransports.quick(sleeper).build()) {
      readSegment(registry, transport, 100_000, 200_000);

      List<RecordedRequest> cdn = registry.journal().cdn();
      assertThat(cdn)
          .extracting(r -> r.header("Range").orElse(""))
          .containsExactly("bytes=100000-199999", "bytes=130000-199999");
      assertThat(
              registry.journal().registry().stream()
                  .filter(r -> r.path().contains("/blobs/"))
                  .count())
          .isEqualTo(2); // each start and resume asked the registry, for a fresh signed URL
    }
  }

  @Test
  void aServerThatIgnoresRangeGetsNoSegment() throws Exception {
    try (TestRegistry registry = TestRegistry.builder().faults(Fault.ignoreRange()).start();
        Transport transport = TestTransports.quick(sleeper).build()) {
      PushedBlob blob = registry.pushRandomBlob("app", SIZE, "application/octet-stream");

      Optional<InputStream> segment =
          ResumableBlobStream.openRange(
              source(transport, registry, blob.digest()),
              blob.digest(),
              SIZE,
              0,
              SIZE / 2,
              CONTEXT,
              transport.newRetryBudget(RetryListener.NONE));

      assertThat(segment).isEmpty();
    }
  }
}
