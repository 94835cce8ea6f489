package dev.registryclient.api.exception;

import java.util.List;

/**
 * The repository, manifest, tag or blob does not exist ({@code NAME_UNKNOWN}, {@code
 * MANIFEST_UNKNOWN}, {@code BLOB_UNKNOWN}, HTTP 404).
 */
public class NotFoundException extends RegistryServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an absence with its HTTP status and parsed error entries.
   *
   * @param context where the failure happened
   * @param detail what went wrong, without the context prefix
   * @param statusCode the HTTP status of the answer
   * @param errors the parsed error body entries, possibly empty
   */
  public NotFoundException(
      ErrorContext context, String detail, int statusCode, List<RegistryError> errors) {
    super(context, detail, statusCode, errors);
  }
}
