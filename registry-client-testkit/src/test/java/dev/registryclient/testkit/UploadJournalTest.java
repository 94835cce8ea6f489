package dev.registryclient.testkit;

import static dev.registryclient.testkit.UploadSteps.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.registryclient.api.Digest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link TestRegistry#uploads()}: each upload with its steps, bytes and ending. */
class UploadJournalTest {
  private static final byte[] BLOB = content(10_000);
  private static final Digest DIGEST = Digest.sha256(BLOB);

  @Test
  void aChunkedUploadRecordsEachStepWithItsOffsetAndBytes() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      UploadSteps push = new UploadSteps(registry, "uj/app");
      String location = push.start();
      push.patch(location, BLOB, 0, 4000);
      push.patch(location, BLOB, 4000, 9000);
      push.put(location, BLOB, Arrays.copyOfRange(BLOB, 9000, 10_000));

      Upload upload = registry.uploads().get(0);
      assertThat(upload.repository()).isEqualTo("uj/app");
      assertThat(upload.sessionId()).hasValueSatisfying(id -> assertThat(location).endsWith(id));
      assertThat(upload.steps())
          .containsExactly(
              new Upload.Step("POST", 0, 0, 202),
              new Upload.Step("PATCH", 0, 4000, 202),
              new Upload.Step("PATCH", 4000, 5000, 202),
              new Upload.Step("PUT", 9000, 1000, 201));
      assertThat(upload.bytesReceived()).isEqualTo(10_000);
      assertThat(upload.digest()).hasValue(DIGEST);
      assertThat(upload.mountedFrom()).isEmpty();
      assertThat(upload.state()).isEqualTo(Upload.State.COMMITTED);
      assertThat(upload.toString()).contains("uj/app", "COMMITTED", DIGEST.toString());
    }
  }

  @Test
  void aMonolithicPostIsOneCommittedStep() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      Http.post(registry.url() + "/v2/uj/app/blobs/uploads/?digest=" + DIGEST, BLOB);
      assertThat(registry.uploads())
          .singleElement()
          .satisfies(
              u -> {
                assertThat(u.steps()).containsExactly(new Upload.Step("POST", 0, 10_000, 201));
                assertThat(u.state()).isEqualTo(Upload.State.COMMITTED);
              });
    }
  }

  @Test
  void aMountIsRecordedWithItsSourceAndNoBytes() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      registry.pushBlob("uj/source", BLOB, "application/octet-stream");
      new UploadSteps(registry, "uj/target").post("?mount=" + DIGEST + "&from=uj/source");
      assertThat(registry.uploads())
          .singleElement()
          .satisfies(
              u -> {
                assertThat(u.state()).isEqualTo(Upload.State.MOUNTED);
                assertThat(u.repository()).isEqualTo("uj/target");
                assertThat(u.mountedFrom()).hasValue("uj/source");
                assertThat(u.digest()).hasValue(DIGEST);
                assertThat(u.sessionId()).isEmpty();
                assertThat(u.bytesReceived()).isZero();
                assertThat(u.steps()).containsExactly(new Upload.Step("POST", 0, 0, 201));
              });
    }
  }

  @Test
  void cancelledAndRejectedUploadsSayHowTheyEnded() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      UploadSteps push = new UploadSteps(registry, "uj/app");
      String cancelled = push.start();
      push.patch(cancelled, BLOB, 0, 100);
      Http.send("DELETE", registry.url() + cancelled, new byte[0]);
      String rejected = push.start();
      assertThat(push.put(rejected, content(5), BLOB).statusCode()).isEqualTo(400);

      assertThat(registry.uploads())
          .extracting(Upload::state, Upload::bytesReceived, Upload::digest)
          .containsExactly(
              tuple(Upload.State.CANCELLED, 100L, Optional.empty()),
              tuple(Upload.State.REJECTED, 10_000L, Optional.empty()));
      assertThat(registry.uploads().get(0).steps())
          .last()
          .isEqualTo(new Upload.Step("DELETE", 100, 0, 204));
    }
  }

  @Test
  void anAbandonedUploadStaysOpenAndAChunkRefusedWith416KeepsNothing() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      UploadSteps push = new UploadSteps(registry, "uj/app");
      String location = push.start();
      push.patch(location, BLOB, 0, 100);
      assertThat(push.patch(location, BLOB, 200, 300).statusCode()).isEqualTo(416);
      assertThat(registry.uploads())
          .singleElement()
          .satisfies(
              u -> {
                assertThat(u.state()).isEqualTo(Upload.State.OPEN);
                assertThat(u.digest()).isEmpty();
                assertThat(u.steps()).last().isEqualTo(new Upload.Step("PATCH", 100, 0, 416));
                assertThat(u.bytesReceived()).isEqualTo(100);
              });
    }
  }

  @Test
  void clearingTheJournalForgetsEndedUploadsButKeepsOpenOnes() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      UploadSteps push = new UploadSteps(registry, "uj/app");
      push.put(push.start(), BLOB, BLOB);
      String open = push.start();
      registry.journal().clear();

      assertThat(registry.uploads())
          .singleElement()
          .extracting(Upload::state)
          .isEqualTo(Upload.State.OPEN);
      push.put(open, BLOB, BLOB);
      assertThat(registry.uploads())
          .singleElement()
          .satisfies(u -> assertThat(u.state()).isEqualTo(Upload.State.COMMITTED));
      assertThat(registry.journal().all())
          .extracting(RecordedRequest::method)
          .containsExactly("PUT");
    }
  }

  @Test
  void theListIsAnImmutableSnapshot() {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      UploadSteps push = new UploadSteps(registry, "uj/app");
      String location = push.start();
      List<Upload> before = registry.uploads();
      push.put(location, BLOB, BLOB);

      assertThat(before).singleElement().extracting(Upload::state).isEqualTo(Upload.State.OPEN);
      assertThatThrownBy(() -> before.get(0).steps().clear())
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> before.clear()).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  void contentHelpersAndRequestsAnsweredBeforeTheRegistryAreNotUploads() {
    Fault unavailable = Fault.status(503).method("POST");
    try (TestRegistry registry = TestRegistry.builder().faults(unavailable).start()) {
      registry.image("uj/app").layer(100).push("v1");
      registry.pushBlob("uj/app", BLOB, "x");
      assertThat(new UploadSteps(registry, "uj/app").post("").statusCode()).isEqualTo(503);
      assertThat(registry.uploads()).isEmpty();
    }
  }
}
