package dev.registryclient.api.client;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.exception.RegistryException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which hosts a pull of an image contacts and whether each can be reached from here: the firewall
 * allowlist for a deployment, checked before the deployment. Made by {@link
 * RegistryClient#reachability(ImageReference)}.
 *
 * <pre>{@code
 * ReachabilityReport report = client.reachability("registry.redhat.io/ubi9/ubi:latest");
 * report.hosts().forEach(h -> System.out.println(h.hostAndPort() + " " + h.roles()));
 * //   registry.redhat.io:443 [REGISTRY]
 * //   sso.redhat.com:443 [AUTH]
 * //   cdn01.quay.io:443 [BLOB_REDIRECT]
 * report.failure().ifPresent(e -> System.err.println(e.getMessage()));
 * if (!report.passed()) {
 *   throw new IllegalStateException("open the firewall for " + report.unreachable());
 * }
 * }</pre>
 *
 * @param reference the image checked
 * @param hosts every host contacted, in the order first contacted, each with its roles and the
 *     outcome of its connection check
 * @param failure the error that stopped the requests a pull makes (a refused CDN, missing
 *     credentials, an unknown tag); {@link #hosts()} then lists the hosts contacted until then
 */
public record ReachabilityReport(
    ImageReference reference, List<HostCheck> hosts, Optional<RegistryException> failure) {

  /**
   * Validates and copies.
   *
   * @param reference the image checked
   * @param hosts every host contacted, in the order first contacted, each with its roles and the
   *     outcome of its connection check
   * @param failure the error that stopped the requests a pull makes (a refused CDN, missing
   *     credentials, an unknown tag); {@link #hosts()} then lists the hosts contacted until then
   */
  public ReachabilityReport {
    Objects.requireNonNull(reference, "reference");
    hosts = List.copyOf(hosts);
    Objects.requireNonNull(failure, "failure");
  }

  /**
   * Whether a connection to every host listed worked.
   *
   * @return {@code true} if every host's check succeeded (also when no host is listed)
   */
  public boolean allReachable() {
    return hosts.stream().allMatch(HostCheck::reachable);
  }

  /**
   * The hosts no connection could be made to.
   *
   * @return the unreachable hosts, in the order first contacted
   */
  public List<HostCheck> unreachable() {
    return hosts.stream().filter(h -> !h.reachable()).toList();
  }

  /**
   * Whether every request a pull makes got its answer and every host is reachable.
   *
   * @return {@code true} if there is no failure and all hosts are reachable
   */
  public boolean passed() {
    return failure.isEmpty() && allReachable();
  }
}
