package dev.registryclient.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.StoreException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VerifyingBlobWriterTest {
  private static final byte[] CONTENT = "some blob content".getBytes(StandardCharsets.UTF_8);
  private static final Digest DIGEST = Digest.sha256(CONTENT);

  @Test
  void rightBytesArePassedOnThenPublishedOnce() {
    RecordingWriter writer = RecordingWriter.of(CONTENT);

    writer.write(CONTENT, 0, 4);
    writer.write(CONTENT, 4, CONTENT.length - 4);
    writer.commit();
    writer.close();

    assertThat(writer.calls)
        .containsExactly("writeBytes 4", "writeBytes " + (CONTENT.length - 4), "publish");
    assertThat(writer.published).isEqualTo(CONTENT);
    assertThat(writer.bytesWritten()).isEqualTo(CONTENT.length);
    assertThat(writer.expectedDigest()).isEqualTo(DIGEST);
    assertThat(writer.expectedSize()).isEqualTo(CONTENT.length);
  }

  @Test
  void transferFromStreamsEverythingThroughTheHooks() throws IOException {
    byte[] big = new byte[2 * BlobWriter.TRANSFER_CHUNK + 5];
    Arrays.fill(big, (byte) 3);
    RecordingWriter writer = RecordingWriter.of(big);

    assertThat(writer.transferFrom(new ByteArrayInputStream(big))).isEqualTo(big.length);
    writer.commit();

    assertThat(writer.published).isEqualTo(big);
  }

  @Test
  void theWriteThatOverflowsFailsAndDiscardsBeforeStoringAnything() {
    RecordingWriter writer = new RecordingWriter(DIGEST, 4);
    writer.write(CONTENT, 0, 3);

    assertThatThrownBy(() -> writer.write(CONTENT, 3, 2))
        .isInstanceOf(DigestMismatchException.class)
        .hasMessageContaining("store test")
        .hasMessageContaining(DIGEST + " of 4 bytes")
        .hasMessageContaining("more than 4 bytes");
    assertThat(writer.calls).containsExactly("writeBytes 3", "discard");
    assertThatThrownBy(writer::commit)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("writer for " + DIGEST + " is already aborted");
  }

  @Test
  void shortContentFailsAtCommitAndIsDiscarded() {
    RecordingWriter writer = new RecordingWriter(DIGEST, CONTENT.length + 1L);
    writer.write(CONTENT);

    assertThatThrownBy(writer::commit)
        .isInstanceOf(DigestMismatchException.class)
        .hasMessageContaining(CONTENT.length + " bytes");
    assertThat(writer.calls).endsWith("discard").doesNotContain("publish");
  }

  @Test
  void wrongContentOfTheRightSizeFailsAtCommitNamingBothDigests() {
    byte[] wrong = CONTENT.clone();
    wrong[0] ^= 1;
    RecordingWriter writer = new RecordingWriter(DIGEST, CONTENT.length);
    writer.write(wrong);

    assertThatThrownBy(writer::commit)
        .isInstanceOfSatisfying(
            DigestMismatchException.class,
            e -> {
              assertThat(e.expected()).isEqualTo(DIGEST.toString());
              assertThat(e.actual()).isEqualTo(Digest.sha256(wrong).toString());
            });
    assertThat(writer.calls).endsWith("discard").doesNotContain("publish");
    assertThat(writer.published).isNull();
  }

  @Test
  void closeWithoutCommitDiscardsOnceAndLeavesTheWriterClosed() {
    RecordingWriter writer = RecordingWriter.of(CONTENT);
    writer.write(CONTENT);

    writer.close();
    writer.close();
    writer.abort();

    assertThat(writer.calls).containsExactly("writeBytes " + CONTENT.length, "discard");
    assertThatThrownBy(() -> writer.write(CONTENT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("writer for " + DIGEST + " is already closed");
  }

  @Test
  void aCommittedWriterRefusesMoreWorkAndCloseAndAbortDoNothing() {
    RecordingWriter writer = RecordingWriter.of(CONTENT);
    writer.write(CONTENT);
    writer.commit();

    writer.abort();
    writer.close();

    assertThat(writer.calls).doesNotContain("discard");
    assertThatThrownBy(writer::commit)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("writer for " + DIGEST + " is already committed");
    assertThatThrownBy(() -> writer.write(CONTENT)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anIoFailureWhileStoringAbortsAndBecomesAStoreExceptionNamingBlobAndStore() {
    RecordingWriter writer = RecordingWriter.of(CONTENT);
    writer.failWrite = new IOException("disk full");

    assertThatThrownBy(() -> writer.write(CONTENT))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot write blob " + DIGEST + " in store test")
        .hasMessageContaining("disk full")
        .hasCause(writer.failWrite);
    assertThat(writer.calls).endsWith("discard");
    assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anIoFailureWhilePublishingAbortsAndDiscardsTheVerifiedBytes() {
    RecordingWriter writer = RecordingWriter.of(CONTENT);
    writer.failPublish = new IOException("read-only file system");
    writer.write(CONTENT);

    assertThatThrownBy(writer::commit)
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot publish blob " + DIGEST)
        .hasCause(writer.failPublish);
    assertThat(writer.calls).endsWith("publish", "discard");
    writer.close();
    assertThat(writer.calls).containsOnlyOnce("discard");
  }

  @Test
  void anUncheckedFailureOfAHookAbortsAndPropagatesUnchanged() {
    RecordingWriter writer = RecordingWriter.of(CONTENT);
    UncheckedIOException failure = new UncheckedIOException(new IOException("gone"));
    writer.failWrite = failure;

    assertThatThrownBy(() -> writer.write(CONTENT)).isSameAs(failure);
    assertThat(writer.calls).endsWith("discard");
  }

  @Test
  void anEmptyBlobCommitsWithoutAnyWrite() {
    RecordingWriter writer = RecordingWriter.of(new byte[0]);

    writer.commit();

    assertThat(writer.calls).containsExactly("publish");
    assertThat(writer.published).isEmpty();
  }

  @Test
  void badArgumentsAreRejectedWithoutChangingState() {
    assertThatThrownBy(() -> new RecordingWriter(DIGEST, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    RecordingWriter writer = RecordingWriter.of(CONTENT);

    assertThatThrownBy(() -> writer.write(CONTENT, 5, CONTENT.length))
        .isInstanceOf(IndexOutOfBoundsException.class);
    writer.write(CONTENT);
    writer.commit();
    assertThat(writer.published).isEqualTo(CONTENT);
  }
}
