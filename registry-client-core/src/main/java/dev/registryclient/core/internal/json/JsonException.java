package dev.registryclient.core.internal.json;

/** A document is not valid JSON; the message names an offset, never the content. */
public final class JsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  JsonException(String message) {
    super(message);
  }
}
