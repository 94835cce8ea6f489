package dev.registryclient.examples.cli;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.HostCheck;
import dev.registryclient.api.client.HostRole;
import dev.registryclient.api.client.ReachabilityReport;
import dev.registryclient.api.client.RegistryClient;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code hosts REF}: the firewall allowlist for pulling REF, as {@link RegistryClient#reachability}
 * reports it: every {@code host:port} a pull contacts with its roles and whether a TCP/TLS
 * connection to it works; exit 1 if one does not, or if a request failed.
 *
 * <pre>
 * registry-1.docker.io:443 registry ok (tls)
 * auth.docker.io:443 auth ok (tls)
 * production.cloudflare.docker.com:443 blob-redirect ok (tls)
 * </pre>
 */
@Command(
    name = "hosts",
    mixinStandardHelpOptions = true,
    description = {
      "List every host:port a pull of REF contacts (registry, auth, blob-redirect) and check that a"
          + " TCP/TLS connection to each works. Exit 1 if one does not."
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
  @Mixin Verbosity verbosity;

  HostsCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    ReachabilityReport report;
    try (RegistryClient client = Clients.forReference(reference, connection)) {
      report = client.reachability(reference);
    }
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
