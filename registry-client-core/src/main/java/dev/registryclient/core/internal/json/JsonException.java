package dev.registryclient.core.internal.json;

/**
 * A document is not the JSON expected. The message says what kind of error and where, never the
 * content, and there is no cause: Jackson's exception would quote the content.
 */
public final class JsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  JsonException(String message) {
    super(message);
  }
}
