package dev.registryclient.examples.cli;

import java.io.PrintStream;
import java.util.List;
import picocli.AutoComplete;
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
    return commandLine(terminal, registriesConf).execute(args);
  }

  /** {@link #run(Terminal, String...)} on these streams, not interactive (for tests). */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return run(Terminal.of(out, err, false), args);
  }

  static CommandLine commandLine(Terminal terminal, StandardRegistriesConf registriesConf) {
    // the factory hands every MirrorOptions mixin its default; subcommands inherit it
    CommandLine cmd = new CommandLine(new RootCommand(), new CommandFactory(registriesConf));
    cmd.addSubcommand(new PullCommand(terminal));
    cmd.addSubcommand(new PushCommand(terminal));
    cmd.addSubcommand(new CopyCommand(terminal));
    cmd.addSubcommand(new SyncCommand(terminal));
    cmd.addSubcommand(new TagsCommand(terminal));
    cmd.addSubcommand(new InspectCommand(terminal));
    cmd.addSubcommand(new HostsCommand(terminal));
    cmd.addSubcommand(new VerifyCommand(terminal));
    cmd.addSubcommand(new DemoCommand(terminal));
    cmd.addSubcommand(new ServeCommand(terminal));
    // picocli's generator of a bash/zsh completion script for this command tree, shown in --help
    cmd.addSubcommand("completion", new AutoComplete.GenerateCompletion());
    cmd.getSubcommands().get("completion").getCommandSpec().usageMessage().hidden(false);
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
