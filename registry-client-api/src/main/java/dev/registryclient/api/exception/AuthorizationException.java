package dev.registryclient.api.exception;

import java.util.List;

/**
 * You may not: the credentials were accepted but do not grant what was asked (HTTP 403, {@code
 * DENIED}, {@code insufficient_scope} after asking once for the wider scope). The message reads
 * {@code "the credentials for ghcr.io lack pull access to org/app (or the repository does not
 * exist)"}. A client without credentials gets {@link AuthenticationException} instead.
 */
public class AuthorizationException extends RegistryServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a denial with its HTTP status and parsed error entries.
   *
   * @param context where the failure happened
   * @param detail what went wrong, without the context prefix
   * @param statusCode the HTTP status of the answer
   * @param errors the parsed error body entries, possibly empty
   */
  public AuthorizationException(
      ErrorContext context, String detail, int statusCode, List<RegistryError> errors) {
    super(context, detail, statusCode, errors);
  }
}
