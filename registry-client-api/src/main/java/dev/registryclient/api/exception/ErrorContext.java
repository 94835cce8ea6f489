package dev.registryclient.api.exception;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a failure happened: which registry the user asked for, which host:port was really contacted
 * (a CDN host after a redirect, a token realm), which repository, and in which phase.
 *
 * <p>Every field but the phase is optional because some failures happen before a host or repository
 * is known (a malformed credentials file, a local store error).
 *
 * <pre>{@code
 * ErrorContext ctx = ErrorContext.of(Phase.BLOB)
 *     .withRegistry("registry.redhat.io")
 *     .withRepository("ubi9/ubi")
 *     .withContactedHost("cdn01.quay.io:443");
 * }</pre>
 *
 * <p>A context never holds credentials; its {@link #toString()} is safe to log.
 *
 * @param phase the step in which the failure happened
 * @param registry the registry the user asked for, if known
 * @param contactedHost the host:port actually contacted, if known (a CDN or token host after a hop)
 * @param repository the repository, if known
 */
public record ErrorContext(
    Phase phase,
    Optional<String> registry,
    Optional<String> contactedHost,
    Optional<String> repository) {

  /**
   * Validates that no component is {@code null}.
   *
   * @param phase the step in which the failure happened
   * @param registry the registry the user asked for, if known
   * @param contactedHost the host:port actually contacted, if known
   * @param repository the repository, if known
   */
  public ErrorContext {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(contactedHost, "contactedHost");
    Objects.requireNonNull(repository, "repository");
  }

  /**
   * A context that only knows its phase.
   *
   * @param phase the step in which the failure happened
   * @return a context with no registry, host or repository
   */
  public static ErrorContext of(Phase phase) {
    return new ErrorContext(phase, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * A context for a registry and repository, before any host has been contacted.
   *
   * @param phase the step in which the failure happened
   * @param registry the registry the user asked for, e.g. {@code registry.redhat.io}; {@code null}
   *     for none
   * @param repository the repository, e.g. {@code ubi9/ubi}; {@code null} for none
   * @return a context without a contacted host
   */
  public static ErrorContext of(Phase phase, String registry, String repository) {
    return of(phase).withRegistry(registry).withRepository(repository);
  }

  /**
   * This context with the registry the user asked for, e.g. {@code registry.redhat.io}.
   *
   * @param registry the registry, or {@code null} for none
   * @return a copy with the registry replaced
   */
  public ErrorContext withRegistry(String registry) {
    return new ErrorContext(phase, Optional.ofNullable(registry), contactedHost, repository);
  }

  /**
   * This context with the host:port actually contacted, e.g. {@code cdn01.quay.io:443}.
   *
   * @param hostAndPort the host:port, or {@code null} for none
   * @return a copy with the contacted host replaced
   */
  public ErrorContext withContactedHost(String hostAndPort) {
    return new ErrorContext(phase, registry, Optional.ofNullable(hostAndPort), repository);
  }

  /**
   * This context with the repository, e.g. {@code ubi9/ubi}.
   *
   * @param repository the repository, or {@code null} for none
   * @return a copy with the repository replaced
   */
  public ErrorContext withRepository(String repository) {
    return new ErrorContext(phase, registry, contactedHost, Optional.ofNullable(repository));
  }

  /**
   * This context in another phase.
   *
   * @param phase the new phase
   * @return a copy with the phase replaced
   */
  public ErrorContext withPhase(Phase phase) {
    return new ErrorContext(phase, registry, contactedHost, repository);
  }

  /**
   * A short prefix for messages: {@code "blob registry.example/ns/app via cdn01.example:443"}.
   *
   * @return the phase label followed by whichever of registry, repository and contacted host are
   *     known
   */
  public String describe() {
    StringBuilder sb = new StringBuilder(phase.label());
    registry.ifPresent(r -> sb.append(' ').append(r));
    repository.ifPresent(r -> sb.append(registry.isPresent() ? "/" : " ").append(r));
    contactedHost
        .filter(h -> registry.isEmpty() || !registry.get().equals(h))
        .ifPresent(h -> sb.append(" via ").append(h));
    return sb.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
