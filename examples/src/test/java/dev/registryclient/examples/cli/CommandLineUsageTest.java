package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLineUsageTest {

  @Test
  void noSubcommandIsAUsageError() {
    assertThat(CliRun.of().exit()).isEqualTo(2);
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    CliRun run = CliRun.of("fetch", "x");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("fetch");
  }

  @Test
  void unknownFlagIsAUsageErrorOfOneLineAndAHint() {
    CliRun run = CliRun.of("tags", "--bogus", "localhost/app");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(2);
    assertThat(run.err()).contains("--bogus", "registry-client tags --help");
  }

  @Test
  void missingArgumentIsAUsageError() {
    assertThat(CliRun.of("inspect").exit()).isEqualTo(2);
  }

  @Test
  void helpListsEveryCommandAndSucceeds() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("pull", "push", "copy", "sync", "tags", "inspect", "hosts", "demo", "serve");
  }
}
