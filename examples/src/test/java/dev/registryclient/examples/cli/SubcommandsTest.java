package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** A run builds in full only the subcommand it runs, and nobody can tell from the output. */
class SubcommandsTest {
  private static final Terminal TERMINAL = Terminal.of(System.out, System.err, false);

  @Test
  void theRootUsageWithStubsIsTheFullTreesRootUsage() {
    CommandLine lazy = Main.commandLine(TERMINAL, CliRun.NO_FILES, Subcommands.forRunOf("--help"));
    CommandLine full = Main.commandLine(TERMINAL, CliRun.NO_FILES);

    assertThat(lazy.getUsageMessage()).isEqualTo(full.getUsageMessage());
    // and it did use stubs
    assertThat(builtInFull(lazy)).doesNotContainValue(true);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--help",
        "-h",
        "--version",
        "",
        "fetch x",
        "pul x",
        "--bogus pull x",
        "pull --help",
        "tags -h",
        "completion --help",
        "completion",
        "inspect",
        "pull --bogus localhost/app",
        "pull --parallel 99 --layout out localhost/app",
        "tags --limit -1 localhost/app",
        "hosts --insecure-registry",
      })
  void aRunPrintsAndExitsAsOnTheFullTree(String commandLine) {
    String[] args = commandLine.isEmpty() ? new String[0] : commandLine.split(" ");

    CliRun lazy = CliRun.of(args);
    CliRun full = CliRun.onFullTree(args);

    assertThat(lazy.exit()).as(lazy.toString()).isEqualTo(full.exit());
    assertThat(lazy.out()).isEqualTo(full.out());
    assertThat(lazy.err()).isEqualTo(full.err());
  }

  @Test
  void subcommandHelpSucceedsAndAParameterErrorIsAUsageError() {
    CliRun help = CliRun.of("pull", "--help");
    CliRun badValue = CliRun.of("pull", "--parallel", "99", "--layout", "out", "localhost/app");

    assertThat(help.exit()).isZero();
    assertThat(help.out()).startsWith("Usage: registry-client pull").contains("--platform");
    assertThat(badValue.exit()).isEqualTo(Main.USAGE);
    assertThat(badValue.err()).contains("--parallel must be 1..64", "registry-client pull --help");
  }

  @Test
  void onlyTheSubcommandThatRunsIsBuiltInFull() {
    Map<String, Boolean> pull = builtInFull(Subcommands.forRunOf("--verbose", "pull", "tags"));
    Map<String, Boolean> completion = builtInFull(Subcommands.forRunOf("completion"));
    Map<String, Boolean> argumentFile = builtInFull(Subcommands.forRunOf("@args.txt"));

    assertThat(pull).containsEntry("pull", true).containsEntry("tags", false);
    assertThat(pull.values()).containsOnlyOnce(true);
    assertThat(completion).doesNotContainValue(false);
    assertThat(argumentFile).doesNotContainValue(false);
  }

  /** Else such an option's value could be taken for the subcommand that runs. */
  @Test
  void theRootTakesNoOptionWithAValue() {
    CommandLine root = Main.commandLine(TERMINAL, CliRun.NO_FILES);

    assertThat(root.getCommandSpec().options())
        .allSatisfy(option -> assertThat(option.arity().max()).isZero());
    assertThat(root.getCommandSpec().positionalParameters()).isEmpty();
  }

  private static Map<String, Boolean> builtInFull(Subcommands subcommands) {
    return builtInFull(Main.commandLine(TERMINAL, CliRun.NO_FILES, subcommands));
  }

  /** A stub has no options; every real subcommand has at least --help. */
  private static Map<String, Boolean> builtInFull(CommandLine root) {
    return root.getSubcommands().entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                entry -> entry.getValue().getCommandSpec().findOption("--help") != null));
  }
}
