package dev.registryclient.api.exception;

import java.util.Objects;
import java.util.Optional;

/**
 * The root of every exception this SDK throws on purpose. Unchecked, because a caller who wants to
 * handle a registry failure catches the narrow subtype it cares about and lets the rest propagate.
 *
 * <p>Two branches, as in the AWS SDK: {@link RegistryClientException} when no valid answer came
 * back (network, timeouts, digest mismatches, unreadable documents, local storage) and {@link
 * RegistryServiceException} when the registry or token server answered with an error.
 *
 * <pre>{@code
 * try {
 *   client.pull("registry.example/app:1").into(store).execute();
 * } catch (NotFoundException e) {
 *   System.err.println("no such image: " + e.getMessage());
 * } catch (RegistryException e) {
 *   System.err.println(e.context().phase() + " failed on " + e.context().contactedHost());
 * }
 * }</pre>
 *
 * <p>Messages name the host, repository and phase; they never contain credentials.
 */
public abstract class RegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorContext context;

  /** What went wrong, without the context prefix. */
  private final String detail;

  /**
   * @param context where the failure happened
   * @param detail what went wrong, without the context prefix
   * @param cause the underlying failure, or {@code null}
   */
  protected RegistryException(ErrorContext context, String detail, Throwable cause) {
    super(Objects.requireNonNull(context, "context").describe() + ": " + detail, cause);
    this.context = context;
    this.detail = detail;
  }

  /**
   * Where the failure happened.
   *
   * @return the context given to the constructor; {@code null} after deserialization, as it is not
   *     serialized
   */
  public ErrorContext context() {
    return context;
  }

  /**
   * The phase in which the failure happened.
   *
   * @return the context's phase
   */
  public Phase phase() {
    return context.phase();
  }

  /**
   * The registry the caller asked for, when known.
   *
   * @return the registry, or empty
   */
  public Optional<String> registry() {
    return context.registry();
  }

  /**
   * The host:port actually contacted, when known (a CDN or token host after a hop).
   *
   * @return the contacted host:port, or empty
   */
  public Optional<String> contactedHost() {
    return context.contactedHost();
  }

  /**
   * The repository, when known.
   *
   * @return the repository, or empty
   */
  public Optional<String> repository() {
    return context.repository();
  }

  /**
   * The message without the context prefix.
   *
   * @return the detail given to the constructor
   */
  public String detail() {
    return detail;
  }
}
