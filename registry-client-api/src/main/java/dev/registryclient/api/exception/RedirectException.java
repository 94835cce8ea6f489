package dev.registryclient.api.exception;

/**
 * A redirect was not followed: too many hops (a loop), a {@code Location} that cannot be used, or a
 * redirect from {@code https} to plain {@code http} that was not opted in. The message lists the
 * hops taken.
 */
public class RedirectException extends RegistryClientException {
  private static final long serialVersionUID = 1L;

  /**
   * A refused or failed redirect.
   *
   * @param context where the failure happened
   * @param detail what was wrong with the redirect, with the hops taken
   */
  public RedirectException(ErrorContext context, String detail) {
    super(context, detail);
  }
}
