package dev.registryclient.api.exception;

import java.util.List;

/**
 * Credentials were missing or refused (HTTP 401 after the token flow, a token server refusing the
 * credentials). The message names the host that refused them.
 */
public class AuthenticationException extends RegistryServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates a refusal with its HTTP status and parsed error entries. */
  public AuthenticationException(
      ErrorContext context, String detail, int statusCode, List<RegistryError> errors) {
    super(context, detail, statusCode, errors);
  }
}
