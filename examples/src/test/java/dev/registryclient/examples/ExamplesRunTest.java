package dev.registryclient.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each example's main, without arguments (against its own test registry), prints its result. */
class ExamplesRunTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void captureStdout() {
    original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStdout() {
    System.setOut(original);
  }

  @Test
  void listTagsPrintsEveryTagAcrossPages() {
    ListTags.main(new String[0]);

    assertThat(printed()).isEqualTo("1.0\n1.1\n2.0\nlatest\n");
  }

  @Test
  void inspectMultiArchPrintsEachPlatformAndTheAttestations() {
    InspectMultiArch.main(new String[0]);

    assertThat(printed())
        .contains("linux/amd64 sha256:", "linux/arm64 sha256:", "1 layers")
        .containsPattern("attestation sha256:[0-9a-f]{64} for sha256:[0-9a-f]{64}")
        .doesNotContain("unknown");
  }

  @Test
  void dockerConfigAuthListsThePrivateRepository() throws Exception {
    DockerConfigAuth.main(new String[0]);

    assertThat(printed()).isEqualTo("1.0\n");
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
