package dev.registryclient.api.exception;

import java.util.List;

/**
 * Log in: credentials are required and none are configured ("credentials required"), or those given
 * were refused. Any refusal of a client without credentials by a registry that authenticates is
 * this type, whatever shape it takes (401, {@code insufficient_scope} after an anonymous token,
 * 403, a token server refusing anonymous tokens). The message names the host.
 *
 * <pre>{@code
 * try {
 *   client.pull(ref).into(store).execute();
 * } catch (AuthenticationException e) {
 *   System.err.println("log in to " + e.registry().orElse("the registry") + ": " + e.detail());
 * } catch (AuthorizationException e) {
 *   System.err.println("this account may not pull " + ref + ": " + e.detail());
 * }
 * }</pre>
 */
public class AuthenticationException extends RegistryServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a refusal with its HTTP status and parsed error entries.
   *
   * @param context where the failure happened
   * @param detail what went wrong, without the context prefix
   * @param statusCode the HTTP status of the answer
   * @param errors the parsed error body entries, possibly empty
   */
  public AuthenticationException(
      ErrorContext context, String detail, int statusCode, List<RegistryError> errors) {
    super(context, detail, statusCode, errors);
  }
}
