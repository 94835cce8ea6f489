package dev.registryclient.examples.cli;

import picocli.CommandLine.Option;

/** {@code --src-user}: credentials for the registry copied from ({@code copy}, {@code sync}). */
final class SourceUser {
  @Option(
      names = "--src-user",
      paramLabel = "USER:PASS",
      description =
          "Credentials for the source's registry (never printed or logged); other registries get"
              + " theirs from --authfile or the usual files.")
  String value;
}
