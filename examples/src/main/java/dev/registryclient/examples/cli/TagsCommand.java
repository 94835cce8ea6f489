package dev.registryclient.examples.cli;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.RegistryClient;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tags REPO [--limit N]}: one tag per line on stdout and nothing else, all pages. */
@Command(
    name = "tags",
    mixinStandardHelpOptions = true,
    description = "List the tags of a repository, one per line (follows every page).")
final class TagsCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(
      index = "0",
      paramLabel = "REPO",
      converter = ReferenceConverter.class,
      description = "The repository, e.g. localhost:5000/app or ghcr.io/org/app.")
  ImageReference repository;

  @Option(names = "--limit", paramLabel = "N", description = "Print at most N tags.")
  Integer limit;

  @Spec CommandSpec spec;
  @Mixin ConnectionOptions connection;
  @Mixin MirrorOptions mirrors;
  @Mixin Verbosity verbosity;

  TagsCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    if (limit != null && limit < 0) {
      throw new ParameterException(spec.commandLine(), "--limit must be 0 or more, got " + limit);
    }
    try (RegistryClient client = Clients.forReference(repository, connection, mirrors);
        Stream<String> tags = client.tags(repository)) {
      Stream<String> shown = limit == null ? tags : tags.limit(limit);
      shown.forEach(terminal.out()::println);
    }
    terminal.out().flush();
    return Main.OK;
  }
}
