package dev.registryclient.examples.cli;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.core.transport.Origin;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code hosts REF}: the firewall allowlist for pulling REF. Performs the requests a pull would
 * make (auth, manifest, the first response of each blob, no bodies) and prints every {@code
 * host:port} with its roles and whether a TCP/TLS connection to it works; exit 1 if one does not.
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
    RegistryException failure = null;
    HostProbe probe = new HostProbe();
    try (CliRegistry registry = CliRegistry.probing(reference, connection, probe.ledger())) {
      probe.probe(registry, reference);
    } catch (RegistryException e) {
      failure = e; // print the hosts learnt so far, then the failure
    }
    ConnectionCheck check = new ConnectionCheck(Duration.ofSeconds(5), !connection.insecure);
    boolean allOk = true;
    for (Map.Entry<Origin, Set<String>> host : probe.roles().entrySet()) {
      ConnectionCheck.Result result = check.check(host.getKey());
      allOk &= result.ok();
      String roles = String.join(",", host.getValue());
      terminal.out().println(host.getKey().hostWithPort() + " " + roles + " " + result);
    }
    terminal.out().flush();
    if (failure != null) {
      FailureReport.of(failure).print(terminal.err(), verbosity.verbose);
      return Main.FAILED;
    }
    return allOk ? Main.OK : Main.FAILED;
  }
}
