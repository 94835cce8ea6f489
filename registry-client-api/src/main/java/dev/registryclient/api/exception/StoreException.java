package dev.registryclient.api.exception;

/**
 * A local blob store or image layout failed: an unwritable directory, a path that would escape the
 * store, an unknown digest algorithm, an I/O error while committing.
 */
public class StoreException extends RegistryClientException {
  private static final long serialVersionUID = 1L;

  /** A store failure with its cause. */
  public StoreException(ErrorContext context, String detail, Throwable cause) {
    super(context, detail, cause);
  }

  /** A store failure. */
  public StoreException(ErrorContext context, String detail) {
    super(context, detail, null);
  }
}
