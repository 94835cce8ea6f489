package dev.registryclient.api.exception;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The registry, token server or CDN answered, and the answer was an error. Carries the HTTP status
 * and the spec error codes of the body.
 */
public class RegistryServiceException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status code of the answer. */
  private final int statusCode;

  /** The spec error entries of the body, in order. */
  private final List<RegistryError> errors;

  /**
   * @param context where the failure happened
   * @param detail what went wrong; the status and error entries are appended to it
   * @param statusCode the HTTP status
   * @param errors the parsed error body entries, possibly empty
   */
  public RegistryServiceException(
      ErrorContext context, String detail, int statusCode, List<RegistryError> errors) {
    super(context, withStatus(detail, statusCode, errors), null);
    this.statusCode = statusCode;
    this.errors = List.copyOf(errors);
  }

  private static String withStatus(String detail, int status, List<RegistryError> errors) {
    String base = detail + " (HTTP " + status + ")";
    if (errors.isEmpty()) {
      return base;
    }
    return base
        + ": "
        + errors.stream().map(RegistryError::toString).collect(Collectors.joining("; "));
  }

  /**
   * The HTTP status code of the answer.
   *
   * @return the status, e.g. 404
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The spec error entries of the body, in order; empty when the body had none.
   *
   * @return an unmodifiable list of the entries
   */
  public List<RegistryError> errors() {
    return errors;
  }

  /**
   * Whether any entry of the body has the given code, e.g. {@code "DENIED"}.
   *
   * @param code the spec error code to look for, compared exactly
   * @return {@code true} if an entry has that code
   */
  public boolean hasErrorCode(String code) {
    return errors.stream().anyMatch(e -> e.code().equals(code));
  }
}
