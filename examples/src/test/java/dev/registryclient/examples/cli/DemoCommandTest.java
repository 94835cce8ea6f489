package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

  @Test
  void pullsThroughTokenAuthAndTheCdnAndTellsWhatHappened() {
    CliRun run = CliRun.of("demo");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("Hosts contacted", "(registry)", "(auth)", "(blob-redirect)")
        .contains("Redirects followed: 5", "0 of them carried")
        .contains("Digests verified: 6");
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(lines.size() - 1)).matches("Pulled .* sha256:[0-9a-f]{64} \\(5 blobs, .*");
  }
}
