package dev.registryclient.api.exception;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a distribution-spec error body: {@code {"errors":[{"code","message","detail"}]}}.
 *
 * @param code the error code as sent, e.g. {@code MANIFEST_UNKNOWN}; unknown codes kept verbatim
 * @param message the human-readable message, possibly empty
 * @param detail the {@code detail} member rendered as JSON text, when present
 */
public record RegistryError(String code, String message, Optional<String> detail) {
  /**
   * Validates that no component is {@code null}.
   *
   * @param code the error code as sent
   * @param message the human-readable message, possibly empty
   * @param detail the {@code detail} member as JSON text, when present
   */
  public RegistryError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(detail, "detail");
  }

  /**
   * An error without detail.
   *
   * @param code the error code, e.g. {@code MANIFEST_UNKNOWN}
   * @param message the human-readable message, possibly empty
   * @return an entry with an empty detail
   */
  public static RegistryError of(String code, String message) {
    return new RegistryError(code, message, Optional.empty());
  }

  @Override
  public String toString() {
    return message.isEmpty() ? code : code + ": " + message;
  }
}
