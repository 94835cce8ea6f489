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

  /** Creates a denial with its HTTP status and parsed error entries. */
  public AuthorizationException(
      ErrorContext context, String detail, int statusCode, List<RegistryError> errors) {
    super(context, detail, statusCode, errors);
  }
}
