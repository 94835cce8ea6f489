package dev.registryclient.api.exception;

/**
 * A document or header could not be read: malformed JSON, an unknown or mismatched media type, a
 * manifest over the size limit, a token response that is not JSON.
 */
public class InvalidContentException extends RegistryClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Unreadable content with its cause.
   *
   * @param context where the failure happened
   * @param detail what went wrong, without the context prefix
   * @param cause the parser's or reader's failure, or {@code null}
   */
  public InvalidContentException(ErrorContext context, String detail, Throwable cause) {
    super(context, detail, cause);
  }

  /**
   * Unreadable content.
   *
   * @param context where the failure happened
   * @param detail what went wrong, without the context prefix
   */
  public InvalidContentException(ErrorContext context, String detail) {
    super(context, detail, null);
  }
}
