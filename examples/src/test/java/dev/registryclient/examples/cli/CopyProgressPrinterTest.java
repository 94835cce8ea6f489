package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.client.CopiedBlob;
import dev.registryclient.api.client.CopyEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CopyProgressPrinterTest {
  private static final Digest LAYER = Digest.sha256("layer".getBytes(StandardCharsets.UTF_8));
  private static final Digest CONFIG = Digest.sha256("config".getBytes(StandardCharsets.UTF_8));
  private static final Descriptor MANIFEST =
      Descriptor.of(
          MediaType.OCI_MANIFEST, Digest.sha256("manifest".getBytes(StandardCharsets.UTF_8)), 400);
  private static final ImageReference TARGET = ImageReference.parse("localhost:5000/app:1");

  private static String print(boolean interactive) {
    StringWriter text = new StringWriter();
    print(new CopyProgressPrinter(new PrintWriter(text), interactive));
    return text.toString();
  }

  private static void print(CopyProgressPrinter printer) {
    printer.onEvent(new CopyEvent.Resolved("quay.io/org/app:1", TARGET, MANIFEST, 2));
    printer.onEvent(new CopyEvent.BlobStarted(LAYER, 2_000_000));
    printer.onEvent(new CopyEvent.BlobProgress(LAYER, 1_500_000, 1_000_000, 2_000_000));
    printer.onEvent(new CopyEvent.Retrying(LAYER, 2, "HTTP 503"));
    printer.onEvent(new CopyEvent.BlobProgress(LAYER, 2_000_000, 2_000_000, 2_000_000));
    printer.onEvent(new CopyEvent.BlobDone(LAYER, 2_000_000, CopiedBlob.Outcome.UPLOADED));
    printer.onEvent(new CopyEvent.BlobDone(CONFIG, 300, CopiedBlob.Outcome.SKIPPED));
    printer.onEvent(new CopyEvent.ManifestPushed(TARGET, MANIFEST));
  }

  @Test
  void writesOnePlainLinePerStepWhenNotOnATerminal() {
    assertThat(print(false).lines().toList())
        .containsExactly(
            "Resolved quay.io/org/app:1 to "
                + MANIFEST.digest()
                + " (2 blobs), copying to localhost:5000/app:1",
            LAYER.shortForm() + " retrying (attempt 2): HTTP 503",
            LAYER.shortForm() + " 2.0 MB uploaded",
            CONFIG.shortForm() + " already present, skipped",
            MANIFEST.digest().shortForm() + " manifest written as localhost:5000/app:1");
  }

  @Test
  void drawsABarOfBlobsAndBytesSentOnATerminal() {
    String text = print(true);

    assertThat(text).contains("\r[" + ".".repeat(30) + "] 0/2 blobs, 1.0 MB sent");
    assertThat(text).contains("] 1/2 blobs, 2.0 MB sent");
    assertThat(text).contains("\r\033[2K");
  }

  @Test
  void finishErasesABarLeftByAFailedTransfer() {
    StringWriter text = new StringWriter();
    CopyProgressPrinter printer = new CopyProgressPrinter(new PrintWriter(text), true);
    printer.onEvent(new CopyEvent.Resolved("quay.io/org/app:1", TARGET, MANIFEST, 2));

    printer.finish();

    assertThat(text.toString()).endsWith("blobs, 0.0 MB sent\r\033[2K");
  }
}
