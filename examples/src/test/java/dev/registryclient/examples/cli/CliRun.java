package dev.registryclient.examples.cli;

import dev.registryclient.api.config.RegistryConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * One in-process run of the CLI through its picocli entry point, with stdout and stderr captured.
 * This machine's {@code registries.conf} is never read: commands given neither {@code
 * --registries-conf} nor {@code --no-mirrors} use no mirrors, or what {@link #with} says.
 *
 * @param exit the exit code
 * @param stdoutBytes what went to stdout, byte for byte
 * @param err what went to stderr
 */
record CliRun(int exit, byte[] stdoutBytes, String err) {
  /** No mirrors, whatever this machine's files say. */
  static final StandardRegistriesConf NO_FILES =
      builder -> builder.registryConfig(RegistryConfig.none());

  /** Runs {@code registry-client args...}. */
  static CliRun of(String... args) {
    return with(NO_FILES, args);
  }

  /** Runs {@code registry-client args...} with {@code standard} as the default mirrors. */
  static CliRun with(StandardRegistriesConf standard, String... args) {
    return capture(terminal -> Main.run(terminal, standard, args));
  }

  /** Runs {@code registry-client args...} on the whole tree, every subcommand built in full. */
  static CliRun onFullTree(String... args) {
    return capture(terminal -> Main.commandLine(terminal, NO_FILES).execute(args));
  }

  private static CliRun capture(ToIntFunction<Terminal> run) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int exit = run.applyAsInt(Terminal.of(o, e, false));
      o.flush();
      e.flush();
      return new CliRun(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }
  }

  /** Stdout as text. */
  String out() {
    return new String(stdoutBytes, StandardCharsets.UTF_8);
  }

  /** The last line of stdout, where copy, push and sync print their summary; "" when empty. */
  String lastLine() {
    return lastLineOf(out());
  }

  /** The last line of stderr, where a failure's report ends; "" when empty. */
  String lastErrLine() {
    return lastLineOf(err);
  }

  private static String lastLineOf(String text) {
    List<String> lines = text.lines().toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- stdout\n" + out() + "--- stderr\n" + err;
  }
}
