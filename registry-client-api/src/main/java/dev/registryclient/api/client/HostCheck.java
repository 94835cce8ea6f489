package dev.registryclient.api.client;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One host a pull contacts, why, and whether a connection to it works from here: a line of a {@link
 * ReachabilityReport}.
 *
 * <pre>{@code
 * for (HostCheck host : report.hosts()) {
 *   System.out.println(host.hostAndPort() + " " + host.roles() + " "
 *       + (host.reachable() ? "ok" : "FAILED: " + host.problem().orElseThrow()));
 * }
 * }</pre>
 *
 * @param hostAndPort {@code host:port}, always with the port, an IPv6 address in brackets, e.g.
 *     {@code registry-1.docker.io:443} or {@code [::1]:5000}
 * @param roles why the host is contacted, never empty, in the order {@link HostRole} declares
 * @param tlsVerified whether the check was a TLS handshake verifying certificate and host name, as
 *     the pull does; {@code false} for plain http, and for a registry whose TLS verification is
 *     turned off ({@link RegistrySettings#withInsecureTls}), which are checked with a TCP connect
 *     only
 * @param problem why no connection could be made (one line, e.g. {@code Connection refused}), empty
 *     when it worked
 */
public record HostCheck(
    String hostAndPort, Set<HostRole> roles, boolean tlsVerified, Optional<String> problem) {

  /**
   * Validates and copies.
   *
   * @param hostAndPort {@code host:port}, always with the port, an IPv6 address in brackets, e.g.
   *     {@code registry-1.docker.io:443} or {@code [::1]:5000}
   * @param roles why the host is contacted, never empty, in the order {@link HostRole} declares
   * @param tlsVerified whether the check was a TLS handshake verifying certificate and host name,
   *     as the pull does; {@code false} for plain http, and for a registry whose TLS verification
   *     is turned off ({@link RegistrySettings#withInsecureTls}), which are checked with a TCP
   *     connect only
   * @param problem why no connection could be made (one line, e.g. {@code Connection refused}),
   *     empty when it worked
   * @throws IllegalArgumentException if {@code roles} is empty or {@code hostAndPort} blank
   */
  public HostCheck {
    Objects.requireNonNull(hostAndPort, "hostAndPort");
    if (hostAndPort.isBlank()) {
      throw new IllegalArgumentException("hostAndPort must not be blank");
    }
    Objects.requireNonNull(roles, "roles");
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a host checked has at least one role: " + hostAndPort);
    }
    roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
    Objects.requireNonNull(problem, "problem");
  }

  /**
   * A host a connection to worked.
   *
   * @param hostAndPort {@code host:port}, always with the port
   * @param roles why the host is contacted, not empty
   * @param tlsVerified whether the check was a verified TLS handshake
   * @return a check with no problem
   */
  public static HostCheck reachable(
      String hostAndPort, Collection<HostRole> roles, boolean tlsVerified) {
    return new HostCheck(hostAndPort, Set.copyOf(roles), tlsVerified, Optional.empty());
  }

  /**
   * A host no connection could be made to, and why.
   *
   * @param hostAndPort {@code host:port}, always with the port
   * @param roles why the host is contacted, not empty
   * @param tlsVerified whether the check was a verified TLS handshake
   * @param problem why no connection could be made, one line
   * @return a check with that problem
   */
  public static HostCheck unreachable(
      String hostAndPort, Collection<HostRole> roles, boolean tlsVerified, String problem) {
    return new HostCheck(
        hostAndPort, Set.copyOf(roles), tlsVerified, Optional.of(Objects.requireNonNull(problem)));
  }

  /**
   * Whether a connection (and, if {@link #tlsVerified()}, a verified TLS handshake) worked.
   *
   * @return {@code true} if there is no problem
   */
  public boolean reachable() {
    return problem.isEmpty();
  }
}
