package dev.registryclient.examples.cli;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.ClientSettings;
import dev.registryclient.api.client.HostCheck;
import dev.registryclient.api.client.HostRole;
import dev.registryclient.api.client.ReachabilityReport;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistryClientBuilder;
import dev.registryclient.api.config.Source;
import dev.registryclient.api.exception.RegistryException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code hosts REF}: the firewall allowlist for pulling REF, as {@link
 * RegistryClient#sourceReachability} reports it: every {@code host:port} a pull contacts with its
 * roles and whether a TCP/TLS connection to it works; exit 1 if one does not, or if a request
 * failed.
 *
 * <pre>
 * registry-1.docker.io:443 registry ok (tls)
 * auth.docker.io:443 auth ok (tls)
 * production.cloudflare.docker.com:443 blob-redirect ok (tls)
 * </pre>
 *
 * <p>When the registries configuration gives REF several sources (mirrors, then the registry), each
 * gets a header line and its own host lines, in the order a pull tries them; a source whose check
 * failed gets a line on stderr ({@code warning:} when another source passed). The exit code is 0
 * when at least one source passes, since a pull needs only one.
 *
 * <pre>
 * source mirror mirror.local:5000/ubi9/ubi:9.4
 * mirror.local:5000 registry ok (tcp)
 * source registry.redhat.io/ubi9/ubi:9.4
 * registry.redhat.io:443 registry FAILED (connect timed out)
 * </pre>
 */
@Command(
    name = "hosts",
    mixinStandardHelpOptions = true,
    description = {
      "List every host:port a pull of REF contacts (registry, auth, blob-redirect) and check that a"
          + " TCP/TLS connection to each works. Exit 1 if one does not.",
      "With mirrors (registries.conf), each source a pull tries gets a 'source' line and its own"
          + " hosts; exit 0 if at least one source passes."
    })
final class HostsCommand implements Callable<Integer> {
  private final Terminal terminal;

  @Parameters(
      index = "0",
      paramLabel = "REF",
      converter = ReferenceConverter.class,
      description = "The image, e.g. registry.redhat.io/ubi9/ubi:latest")
  ImageReference reference;

  @Mixin ConnectionOptions connection;
  @Mixin MirrorOptions mirrors;
  @Mixin Verbosity verbosity;

  HostsCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    RegistryClientBuilder builder =
        Clients.builder(reference, connection, mirrors, ClientSettings.DEFAULT_PARALLELISM);
    // the sources in the order a pull tries them, as sourceReachability reports them
    List<Source> sources = builder.settings().registryConfig().sources(reference);
    List<ReachabilityReport> reports;
    try (RegistryClient client = builder.build()) {
      reports = client.sourceReachability(reference);
    }
    if (reports.size() == 1) {
      return single(reports.get(0));
    }
    boolean anyPassed = reports.stream().anyMatch(ReachabilityReport::passed);
    for (int i = 0; i < reports.size(); i++) {
      ReachabilityReport report = reports.get(i);
      String source =
          i < sources.size() ? sources.get(i).toString() : report.reference().toString();
      terminal.out().println("source " + source);
      report.hosts().forEach(host -> terminal.out().println(line(host)));
    }
    terminal.out().flush();
    for (int i = 0; i < reports.size(); i++) {
      Optional<RegistryException> failure = reports.get(i).failure();
      if (failure.isPresent()) {
        String source = i < sources.size() ? sources.get(i).toString() : "";
        String reason = FailureReport.of(failure.get()).reason();
        terminal.err().println((anyPassed ? "warning: " : "error: ") + source + ": " + reason);
      }
    }
    terminal.err().flush();
    // a pull needs one source that works: the first that passes would serve it
    return anyPassed ? Main.OK : Main.FAILED;
  }

  /** One source (no mirrors): its hosts, then its failure, if any. */
  private int single(ReachabilityReport report) {
    for (HostCheck host : report.hosts()) {
      terminal.out().println(line(host));
    }
    terminal.out().flush();
    // the hosts learnt before a failed request come first, then the failure
    report.failure().ifPresent(e -> FailureReport.of(e).print(terminal.err(), verbosity.verbose));
    return report.passed() ? Main.OK : Main.FAILED;
  }

  /** {@code host:port roles ok (tls)}, {@code ... ok (tcp)} or {@code ... FAILED (why)}. */
  static String line(HostCheck host) {
    String roles = host.roles().stream().map(HostsCommand::label).collect(Collectors.joining(","));
    String result =
        host.reachable()
            ? "ok (" + (host.tlsVerified() ? "tls" : "tcp") + ")"
            : "FAILED (" + host.problem().orElseThrow() + ")";
    return host.hostAndPort() + " " + roles + " " + result;
  }

  private static String label(HostRole role) {
    return switch (role) {
      case REGISTRY -> "registry";
      case AUTH -> "auth";
      case BLOB_REDIRECT -> "blob-redirect";
      case REDIRECT -> "redirect";
    };
  }
}
