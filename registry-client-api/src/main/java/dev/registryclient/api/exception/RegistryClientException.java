package dev.registryclient.api.exception;

/**
 * No valid answer came back: the connection failed, a body was cut or did not match its digest, a
 * document could not be read, or local storage failed.
 */
public class RegistryClientException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /**
   * A client-side failure with a cause.
   *
   * @param context where the failure happened
   * @param detail what went wrong, without the context prefix
   * @param cause the underlying failure, or {@code null}
   */
  public RegistryClientException(ErrorContext context, String detail, Throwable cause) {
    super(context, detail, cause);
  }

  /**
   * A client-side failure without a cause.
   *
   * @param context where the failure happened
   * @param detail what went wrong, without the context prefix
   */
  public RegistryClientException(ErrorContext context, String detail) {
    super(context, detail, null);
  }
}
