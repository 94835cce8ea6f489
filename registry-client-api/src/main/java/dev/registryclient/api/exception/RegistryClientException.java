package dev.registryclient.api.exception;

/**
 * No valid answer came back: the connection failed, a body was cut or did not match its digest, a
 * document could not be read, or local storage failed.
 */
public class RegistryClientException extends RegistryException {
  private static final long serialVersionUID = 1L;

  /** A client-side failure with a cause. */
  public RegistryClientException(ErrorContext context, String detail, Throwable cause) {
    super(context, detail, cause);
  }

  /** A client-side failure without a cause. */
  public RegistryClientException(ErrorContext context, String detail) {
    super(context, detail, null);
  }
}
