package dev.registryclient.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.client.PullResult;
import dev.registryclient.oci.layout.OciLayoutReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {
  @TempDir Path out;

  @Test
  void theQuickStartPullsTheImageIntoAnOciLayoutTaggedLikeTheReference() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    PullResult result = QuickStart.run(out, new PrintStream(console, true, StandardCharsets.UTF_8));

    OciLayoutReader layout = OciLayoutReader.open(out);
    assertThat(layout.resolve("1.0").orElseThrow().digest()).isEqualTo(result.manifest().digest());
    assertThat(result.bytesDownloaded()).isGreaterThan((1 << 20) + (256 << 10));
    assertThat(console.toString(StandardCharsets.UTF_8))
        .contains("tags: [1.0]")
        .contains("pulled " + result.manifest().digest());
  }
}
