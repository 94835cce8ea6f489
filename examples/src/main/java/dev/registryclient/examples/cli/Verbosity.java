package dev.registryclient.examples.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The {@code --verbose} flag every subcommand takes: debug logs and the cause chain of failures.
 */
final class Verbosity {
  @Option(
      names = "--verbose",
      description =
          "Log what is sent and received (never credentials); show the cause of failures.")
  boolean verbose;

  /** Whether the matched subcommand (or the root) was given {@code --verbose}. */
  static boolean requested(ParseResult parseResult) {
    ParseResult p = parseResult;
    while (p != null) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
      p = p.subcommand();
    }
    return false;
  }
}
