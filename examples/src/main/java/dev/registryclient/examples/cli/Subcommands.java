package dev.registryclient.examples.cli;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The subcommands of {@code registry-client}, listed once in the order {@code --help} shows them,
 * and which of them a run builds in full.
 *
 * <p>Picocli reads a subcommand's options and mixins by reflection when it is added: for all eleven
 * that took ~80 ms of a 0.2 s {@code --help}. So a run builds in full only the subcommand its
 * arguments name, and the others as stubs holding what the root's {@code --help} shows of them
 * (name, aliases, header and description, from their {@code @Command}). {@code completion} writes a
 * script for the whole tree, so it gets every subcommand in full.
 *
 * <pre>{@code
 * Subcommands.forRunOf(args).addTo(root, terminal);
 * }</pre>
 */
final class Subcommands {
  private static final String COMPLETION = "completion";

  private static final List<Subcommand> ALL =
      List.of(
          new Subcommand(PullCommand.class, PullCommand::new),
          new Subcommand(PushCommand.class, PushCommand::new),
          new Subcommand(CopyCommand.class, CopyCommand::new),
          new Subcommand(SyncCommand.class, SyncCommand::new),
          new Subcommand(TagsCommand.class, TagsCommand::new),
          new Subcommand(InspectCommand.class, InspectCommand::new),
          new Subcommand(HostsCommand.class, HostsCommand::new),
          new Subcommand(VerifyCommand.class, VerifyCommand::new),
          new Subcommand(DemoCommand.class, DemoCommand::new),
          new Subcommand(ServeCommand.class, ServeCommand::new),
          // picocli's generator of a bash/zsh completion script for this command tree; its
          // annotation calls it generate-completion
          new Subcommand(
              COMPLETION, GenerateCompletion.class, terminal -> new GenerateCompletion()));

  private final Predicate<String> inFull;

  private Subcommands(Predicate<String> inFull) {
    this.inFull = inFull;
  }

  /** Every subcommand in full, for whatever reads the whole tree. */
  static Subcommands all() {
    return new Subcommands(name -> true);
  }

  /**
   * In full only the subcommand picocli will run for {@code args}: the first argument that names
   * one, since the root takes no option with a value that could stand in between (a test keeps it
   * so). An argument file ({@code @FILE}, which picocli expands) may name any, so then all.
   */
  static Subcommands forRunOf(String... args) {
    for (String arg : args) {
      if (arg.startsWith("@") || arg.equals(COMPLETION)) {
        return all();
      }
      for (Subcommand subcommand : ALL) {
        if (subcommand.name().equals(arg)) {
          return new Subcommands(arg::equals);
        }
      }
    }
    return new Subcommands(name -> false);
  }

  /** Adds every subcommand to {@code root}, in full or as a stub. */
  void addTo(CommandLine root, Terminal terminal) {
    for (Subcommand subcommand : ALL) {
      String name = subcommand.name();
      root.addSubcommand(
          name, inFull.test(name) ? subcommand.create().apply(terminal) : subcommand.stub());
      // listed in --help, completion too (picocli's annotation hides it)
      root.getSubcommands().get(name).getCommandSpec().usageMessage().hidden(false);
    }
  }

  private record Subcommand(String name, Class<?> type, Function<Terminal, Object> create) {
    Subcommand(Class<?> type, Function<Terminal, Object> create) {
      this(type.getAnnotation(Command.class).name(), type, create);
    }

    /** What the root's {@code --help} reads of a subcommand, without reading its options. */
    CommandSpec stub() {
      Command command = type.getAnnotation(Command.class);
      CommandSpec spec = CommandSpec.create().name(name).aliases(command.aliases());
      spec.usageMessage().header(command.header()).description(command.description());
      return spec;
    }
  }
}
