package dev.registryclient.api.exception;

/**
 * A document or header could not be read: malformed JSON, an unknown or mismatched media type, a
 * manifest over the size limit, a token response that is not JSON.
 */
public class InvalidContentException extends RegistryClientException {
  private static final long serialVersionUID = 1L;

  /** Unreadable content with its cause. */
  public InvalidContentException(ErrorContext context, String detail, Throwable cause) {
    super(context, detail, cause);
  }

  /** Unreadable content. */
  public InvalidContentException(ErrorContext context, String detail) {
    super(context, detail, null);
  }
}
