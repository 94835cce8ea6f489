package dev.registryclient.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DigestingInputStreamTest {
  private static final byte[] CONTENT = "the quick brown fox".getBytes(UTF_8);
  private static final Digest DIGEST = Digest.sha256(CONTENT);

  private static DigestingInputStream verifying(byte[] body, long expectedSize) {
    return new DigestingInputStream(new ByteArrayInputStream(body), DIGEST, expectedSize);
  }

  @Test
  void passesCorrectContentThroughUnchanged() throws IOException {
    DigestingInputStream in = verifying(CONTENT, CONTENT.length);

    assertThat(in.readAllBytes()).isEqualTo(CONTENT);
    assertThat(in.verified()).isTrue();
    assertThat(in.count()).isEqualTo(CONTENT.length);
  }

  @Test
  void passesCorrectContentOfUnknownSizeAtEndOfStream() throws IOException {
    DigestingInputStream in = verifying(CONTENT, -1);

    in.transferTo(new ByteArrayOutputStream());

    assertThat(in.verified()).isTrue();
  }

  @Test
  void passesCorrectContentReadOneByteAtATime() throws IOException {
    DigestingInputStream in = verifying(CONTENT, CONTENT.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      out.write(b);
    }

    assertThat(out.toByteArray()).isEqualTo(CONTENT);
    assertThat(in.verified()).isTrue();
  }

  @Test
  void verifiesAsSoonAsTheExpectedSizeIsReadWithoutWaitingForEndOfStream() throws IOException {
    DigestingInputStream in = verifying(CONTENT, CONTENT.length);

    in.readNBytes(CONTENT.length);

    assertThat(in.verified()).isTrue();
  }

  @Test
  void acceptsEmptyContentOfSizeZero() throws IOException {
    Digest empty = Digest.sha256(new byte[0]);
    DigestingInputStream in =
        new DigestingInputStream(new ByteArrayInputStream(new byte[0]), empty, 0);

    assertThat(in.read()).isEqualTo(-1);
    assertThat(in.verified()).isTrue();
  }

  @Test
  void rejectsWrongBytesOfTheRightSize() {
    byte[] wrong = CONTENT.clone();
    wrong[3] ^= 1;

    assertThatThrownBy(() -> verifying(wrong, wrong.length).readAllBytes())
        .isInstanceOf(DigestMismatchException.class)
        .satisfies(
            e ->
                assertThat(((DigestMismatchException) e).actual())
                    .isEqualTo(Digest.sha256(wrong).toString()));
  }

  @Test
  void rejectsWrongBytesOfUnknownSizeAtEndOfStream() {
    byte[] wrong = "something else".getBytes(UTF_8);

    assertThatThrownBy(() -> verifying(wrong, -1).readAllBytes())
        .isInstanceOf(DigestMismatchException.class)
        .hasMessageContaining(DIGEST.toString());
  }

  @Test
  void rejectsContentThatEndsEarly() {
    byte[] shortBody = Arrays.copyOf(CONTENT, CONTENT.length - 1);

    assertThatThrownBy(() -> verifying(shortBody, CONTENT.length).readAllBytes())
        .isInstanceOf(DigestMismatchException.class)
        .hasMessageContaining((CONTENT.length - 1) + " bytes");
  }

  @Test
  void rejectsContentThatIsTooLong() {
    byte[] longBody = (new String(CONTENT, UTF_8) + "!").getBytes(UTF_8);

    assertThatThrownBy(() -> verifying(longBody, CONTENT.length).readAllBytes())
        .isInstanceOf(DigestMismatchException.class)
        .hasMessageContaining("more than " + CONTENT.length + " bytes");
  }

  @Test
  void stopsANeverEndingStreamOnceItPassesTheExpectedSize() {
    EndlessStream endless = new EndlessStream();
    DigestingInputStream in = new DigestingInputStream(endless, DIGEST, 100_000);
    byte[] buf = new byte[4096];

    assertThatThrownBy(
            () -> {
              while (in.read(buf, 0, buf.length) >= 0) {
                // keep reading until the stream gives up
              }
            })
        .isInstanceOf(DigestMismatchException.class)
        .hasMessageContaining("more than 100000 bytes");
    assertThat(endless.served).isLessThanOrEqualTo(100_000 + buf.length);
  }

  @Test
  void keepsFailingAfterAMismatch() {
    DigestingInputStream in = verifying("x".repeat(CONTENT.length).getBytes(UTF_8), -1);
    DigestMismatchException first = (DigestMismatchException) catchThrowable(in::readAllBytes);

    assertThat(first).isNotNull();
    assertThatThrownBy(in::read).isSameAs(first);
    assertThat(in.verified()).isFalse();
  }

  @Test
  void hashesTheBytesItSkips() throws IOException {
    DigestingInputStream in = verifying(CONTENT, CONTENT.length);

    assertThat(in.skip(5)).isEqualTo(5);
    in.readAllBytes();

    assertThat(in.verified()).isTrue();
    assertThat(in.count()).isEqualTo(CONTENT.length);
  }

  @Test
  void namesWhereTheContentCameFrom() {
    ErrorContext ctx = ErrorContext.of(Phase.BLOB, "registry.example", "team/app");
    InputStream in =
        new DigestingInputStream(new ByteArrayInputStream(new byte[] {1}), DIGEST, -1, ctx);

    assertThatThrownBy(in::readAllBytes)
        .isInstanceOf(DigestMismatchException.class)
        .hasMessageContaining("registry.example/team/app");
  }

  @Test
  void rejectsASizeBelowMinusOne() {
    assertThatThrownBy(() -> verifying(CONTENT, -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-2");
  }

  @Test
  void doesNotSupportMarkAndReset() {
    DigestingInputStream in = verifying(CONTENT, CONTENT.length);

    assertThat(in.markSupported()).isFalse();
    assertThatThrownBy(in::reset).isInstanceOf(IOException.class);
  }

  /** Serves zeros forever, but fails the test rather than hang if nobody stops it. */
  private static final class EndlessStream extends InputStream {
    long served;

    @Override
    public int read() {
      byte[] one = new byte[1];
      read(one, 0, 1);
      return one[0];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (served > 10_000_000) {
        throw new AssertionError("the verifying stream kept reading past its expected size");
      }
      served += len;
      return len;
    }
  }
}
