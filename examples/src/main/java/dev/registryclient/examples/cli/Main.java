package dev.registryclient.examples.cli;

import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine;

/**
 * The {@code registry-client} command-line tool: {@code pull}, {@code push}, {@code copy}, {@code
 * sync}, {@code tags}, {@code inspect}, {@code hosts}, {@code verify}, {@code demo}, {@code serve}
 * and {@code completion}.
 *
 * <pre>{@code
 * int exit = Main.run(Terminal.of(System.out, System.err, false), "tags", "localhost:5000/app");
 * }</pre>
 *
 * <p>Exit codes: 0 success, 1 failure (one line on stderr naming host, phase and what to do), 2
 * usage error (bad flag, bad reference, missing argument).
 */
public final class Main {
  /** The command succeeded. */
  public static final int OK = 0;

  /** The command ran and failed. */
  public static final int FAILED = 1;

  /** The command line was wrong; nothing was attempted. */
  public static final int USAGE = 2;

  private Main() {}

  /** Runs the tool and exits with its exit code. */
  public static void main(String[] args) {
    // before the first logger exists: slf4j-simple reads its level once
    Logging.configure(List.of(args).contains("--verbose"));
    System.exit(run(Terminal.system(), args));
  }

  /** Runs the tool on {@code terminal} and returns the exit code; never calls System.exit. */
  public static int run(Terminal terminal, String... args) {
    return run(terminal, StandardRegistriesConf.FILES, args);
  }

  /**
   * {@link #run(Terminal, String...)} with {@code registriesConf} as the mirrors of commands given
   * neither {@code --registries-conf} nor {@code --no-mirrors} (tests use a file of their own).
   */
  static int run(Terminal terminal, StandardRegistriesConf registriesConf, String... args) {
    // only the subcommand that runs is built in full: --help is then ~40 ms faster
    return commandLine(terminal, registriesConf, Subcommands.forRunOf(args)).execute(args);
  }

  /** {@link #run(Terminal, String...)} on these streams, not interactive (for tests). */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return run(Terminal.of(out, err, false), args);
  }

  /** The whole command tree, every subcommand in full (for tests that read it). */
  static CommandLine commandLine(Terminal terminal, StandardRegistriesConf registriesConf) {
    return commandLine(terminal, registriesConf, Subcommands.all());
  }

  /**
   * The command tree with {@code subcommands} built in full or as stubs, writing to {@code
   * terminal}.
   */
  static CommandLine commandLine(
      Terminal terminal, StandardRegistriesConf registriesConf, Subcommands subcommands) {
    // the factory hands every MirrorOptions mixin its default; subcommands inherit it
    CommandLine cmd = new CommandLine(new RootCommand(), new CommandFactory(registriesConf));
    subcommands.addTo(cmd, terminal);
    cmd.setOut(terminal.out());
    cmd.setErr(terminal.err());
    cmd.setParameterExceptionHandler(
        (ex, arguments) -> {
          // one line and a pointer to the help, instead of the whole usage text
          CommandLine failed = ex.getCommandLine();
          terminal.err().println("error: " + ex.getMessage());
          terminal.err().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
          return USAGE;
        });
    cmd.setExecutionExceptionHandler(
        (ex, failed, parseResult) -> {
          boolean verbose = Verbosity.requested(parseResult);
          CredentialFlag flag =
              failed.getCommand() instanceof CredentialFlag c ? c : CredentialFlag.USER;
          FailureReport.of(ex, flag).print(terminal.err(), verbose);
          return FAILED;
        });
    return cmd;
  }
}
