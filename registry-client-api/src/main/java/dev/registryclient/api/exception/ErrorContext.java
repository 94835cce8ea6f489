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
 */
public record ErrorContext(
    Phase phase,
    Optional<String> registry,
    Optional<String> contactedHost,
    Optional<String> repository) {

  /** Validates that no component is {@code null}. */
  public ErrorContext {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(contactedHost, "contactedHost");
    Objects.requireNonNull(repository, "repository");
  }

  /** A context that only knows its phase. */
  public static ErrorContext of(Phase phase) {
    return new ErrorContext(phase, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A context for a registry and repository, before any host has been contacted. */
  public static ErrorContext of(Phase phase, String registry, String repository) {
    return of(phase).withRegistry(registry).withRepository(repository);
  }

  /** This context with the registry the user asked for, e.g. {@code registry.redhat.io}. */
  public ErrorContext withRegistry(String registry) {
    return new ErrorContext(phase, Optional.ofNullable(registry), contactedHost, repository);
  }

  /** This context with the host:port actually contacted, e.g. {@code cdn01.quay.io:443}. */
  public ErrorContext withContactedHost(String hostAndPort) {
    return new ErrorContext(phase, registry, Optional.ofNullable(hostAndPort), repository);
  }

  /** This context with the repository, e.g. {@code ubi9/ubi}. */
  public ErrorContext withRepository(String repository) {
    return new ErrorContext(phase, registry, contactedHost, Optional.ofNullable(repository));
  }

  /** This context in another phase. */
  public ErrorContext withPhase(Phase phase) {
    return new ErrorContext(phase, registry, contactedHost, repository);
  }

  /** A short prefix for messages: {@code "blob registry.example/ns/app via cdn01.example:443"}. */
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
