package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class VersionAndCompletionTest {

  @Test
  void versionIsTheBuildsVersionAndCommit() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exit()).isZero();
    // the build filtered version.properties: a real version, and a commit or "unknown" (no git)
    assertThat(run.out().strip())
        .matches(
            "registry-client \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{12}|unknown)\\)");
  }

  @Test
  void completionPrintsABashScriptThatKnowsEverySubcommand() {
    CliRun run = CliRun.of("completion");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("complete -F")
        .contains("pull", "push", "copy", "sync", "tags", "inspect", "hosts", "verify", "demo")
        .contains("--platform", "--registries-conf");
  }

  @Test
  void helpListsCompletion() {
    assertThat(CliRun.of("--help").out()).contains("completion");
  }

  /**
   * The README's "CLI usage" section names every subcommand and every option the CLI has, so
   * `--help` and the README cannot drift apart unnoticed.
   */
  @Test
  void readmeCliUsageNamesEverySubcommandAndOption() throws IOException {
    String usage = readmeSection("## CLI usage");
    CommandLine root =
        Main.commandLine(Terminal.of(System.out, System.err, false), CliRun.NO_FILES);

    List<String> missing = new ArrayList<>();
    root.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!usage.contains("registry-client " + name)) {
                missing.add("registry-client " + name);
              }
              for (OptionSpec option : sub.getCommandSpec().options()) {
                String longName = option.longestName();
                if (!option.hidden() && !isStandard(longName) && !usage.contains(longName)) {
                  missing.add(name + " " + longName);
                }
              }
            });
    assertThat(missing).as("in --help but not in README.md's CLI usage").isEmpty();
  }

  private static boolean isStandard(String option) {
    return option.equals("--help") || option.equals("--version");
  }

  private static String readmeSection(String heading) throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("\n" + heading + "\n");
    assertThat(start).as(heading + " in README.md").isNotNegative();
    int end = readme.indexOf("\n## ", start + heading.length() + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }
}
