package dev.registryclient.api.exception;

/**
 * A local blob store or image layout failed: an unwritable directory, a path that would escape the
 * store, an unknown digest algorithm, an I/O error while committing.
 */
public class StoreException extends RegistryClientException {
  private static final long serialVersionUID = 1L;

  /**
   * A store failure with its cause.
   *
   * @param context where the failure happened
   * @param detail what went wrong, without the context prefix
   * @param cause the underlying failure, e.g. an {@link java.io.IOException}, or {@code null}
   */
  public StoreException(ErrorContext context, String detail, Throwable cause) {
    super(context, detail, cause);
  }

  /**
   * A store failure.
   *
   * @param context where the failure happened
   * @param detail what went wrong, without the context prefix
   */
  public StoreException(ErrorContext context, String detail) {
    super(context, detail, null);
  }
}
