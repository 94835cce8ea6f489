package dev.registryclient.core.transport.blob;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.core.testing.FakeSleeper;
import dev.registryclient.core.testing.TestTransports;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.RetryBudget;
import dev.registryclient.core.transport.RetryEvent;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.io.InputStream;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ResumeAfterResetTest {
  private static final int SIZE = 300_000;
  private static final int CUT = 100_000;

  @Test
  void aTcpResetMidBlobIsResumedWithARangeRequestForTheMissingBytes() throws Exception {
    byte[] content = new byte[SIZE];
    new SplittableRandom(7).nextBytes(content);
    List<RetryEvent> events = new CopyOnWriteArrayList<>();
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.resetAfter(CUT).on("/blobs/")).start();
        Transport transport = TestTransports.quick(new FakeSleeper()).build()) {
      PushedBlob blob = registry.pushBlob("app", content, "application/octet-stream");
      RetryBudget budget = transport.newRetryBudget(events::add);
      Request get =
          Request.get(registry.url().resolve("/v2/app/blobs/" + blob.digest()))
              .newBuilder()
              .retryBudget(budget)
              .build();

      byte[] received;
      try (InputStream in =
          ResumableBlobStream.open(
              BlobUrlSource.registry(transport, get),
              blob.digest(),
              SIZE,
              get.errorContext(),
              budget)) {
        received = in.readAllBytes();
      }

      assertThat(Arrays.equals(received, content)).as("the whole blob, in order").isTrue();
      // A RST discards what the server side had not yet delivered, so the client may have fewer
      // than CUT bytes when it sees the reset: it must resume from what it really has.
      List<RecordedRequest> gets = registry.journal().matching("GET", "/v2/app/blobs/.*");
      assertThat(gets).hasSize(2);
      assertThat(gets.get(0).header("Range")).isEmpty();
      assertThat(gets.get(0).status()).isEqualTo(200);
      assertThat(gets.get(1).status()).isEqualTo(206);
      long resumedAt = rangeStart(gets.get(1));
      assertThat(resumedAt).as("resumed, not restarted from zero").isPositive();
      assertThat(resumedAt).as("never beyond the bytes sent").isLessThanOrEqualTo(CUT);
      assertThat(events)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.kind()).isEqualTo(RetryEvent.Kind.RESUME);
                assertThat(e.subject()).endsWith("at byte " + resumedAt);
                assertThat(e.failure())
                    .get()
                    .isInstanceOf(SocketException.class)
                    .extracting(Throwable::getMessage)
                    .isEqualTo("Connection reset");
              });
    }
  }

  private static long rangeStart(RecordedRequest request) {
    String range = request.header("Range").orElseThrow();
    assertThat(range).matches("bytes=\\d+-");
    return Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
  }
}
