package dev.registryclient.core.transport.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.core.testing.FakeSleeper;
import dev.registryclient.core.testing.TestTransports;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.RetryBudget;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.TestRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link ResumableBlobStream#openUnverified}: resumes like the verified stream, hashes nothing. */
class UnverifiedResumeTest {
  private static final int SIZE = 200_000;
  private static final int CUT = 70_000;

  private static InputStream open(Transport transport, TestRegistry registry, PushedBlob blob) {
    RetryBudget budget = transport.newRetryBudget(RetryListener.NONE);
    Request get =
        Request.get(registry.url().resolve("/v2/app/blobs/" + blob.digest()))
            .newBuilder()
            .retryBudget(budget)
            .build();
    return ResumableBlobStream.openUnverified(
        BlobUrlSource.registry(transport, get),
        blob.digest(),
        SIZE,
        ErrorContext.of(Phase.BLOB, registry.hostAndPort(), "app"),
        budget);
  }

  private static int blobGets(TestRegistry registry) {
    return registry.journal().matching("GET", ".*/blobs/.*").size();
  }

  @Test
  void aCutBodyIsResumedFromTheCutAndEveryByteArrivesOnce() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.disconnectAfter(CUT).on("/blobs/")).start();
        Transport transport = TestTransports.quick(new FakeSleeper()).build()) {
      PushedBlob blob = registry.pushRandomBlob("app", SIZE, "application/octet-stream");
      byte[] bytes;
      try (InputStream in = open(transport, registry, blob)) {
        bytes = in.readAllBytes();
      }
      assertThat(Digest.sha256(bytes)).isEqualTo(blob.digest());
      assertThat(registry.journal().matching("GET", ".*/blobs/.*"))
          .extracting(r -> r.header("Range").orElse("none"))
          .containsExactly("none", "bytes=" + CUT + "-");
    }
  }

  @Test
  void wrongBytesAreDeliveredUncheckedForTheCallerToVerify() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.wrongBytes().on("/blobs/")).start();
        Transport transport = TestTransports.quick(new FakeSleeper()).build()) {
      PushedBlob blob = registry.pushRandomBlob("app", SIZE, "application/octet-stream");
      byte[] bytes;
      try (InputStream in = open(transport, registry, blob)) {
        bytes = in.readAllBytes();
      }
      assertThat(bytes).hasSize(SIZE);
      assertThat(Digest.sha256(bytes)).isNotEqualTo(blob.digest());
    }
  }

  @Test
  void closingDuringABlockedReadFailsTheReadInsteadOfResuming() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.slowBody(20_000).on("/blobs/")).start();
        Transport transport = TestTransports.quick(new FakeSleeper()).build()) {
      PushedBlob blob = registry.pushRandomBlob("app", SIZE, "application/octet-stream");
      InputStream in = open(transport, registry, blob);
      assertThat(in.readNBytes(1000)).hasSize(1000);
      CompletableFuture<Void> closer =
          CompletableFuture.runAsync(
              () -> {
                try {
                  in.close();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              },
              CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));

      assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
      closer.get(5, TimeUnit.SECONDS);
      assertThat(blobGets(registry)).isEqualTo(1);
    }
  }
}
