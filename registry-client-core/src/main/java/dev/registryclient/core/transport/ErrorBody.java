package dev.registryclient.core.transport;

import dev.registryclient.api.exception.RegistryError;
import java.util.List;
import java.util.Objects;

/**
 * What an error response body said.
 *
 * @param errors the distribution-spec entries of {@code {"errors":[...]}}, possibly empty
 * @param text a one-line summary for bodies that are not spec JSON: the message of other JSON
 *     shapes (Quay, OAuth, Docker Hub auth), the first line of a text body, at most {@value
 *     ErrorBodyParser#MAX_TEXT} characters; empty when the body was spec JSON, empty, HTML, or JSON
 *     of no known shape (raw JSON is never quoted)
 */
public record ErrorBody(List<RegistryError> errors, String text) {

  /**
   * Validates and copies the components.
   *
   * @param errors the distribution-spec entries of {@code {"errors":[...]}}, possibly empty
   * @param text a one-line summary for bodies that are not spec JSON; empty otherwise
   */
  public ErrorBody {
    errors = List.copyOf(errors);
    Objects.requireNonNull(text, "text");
  }

  /**
   * An empty body.
   *
   * @return a body without entries or text
   */
  public static ErrorBody empty() {
    return new ErrorBody(List.of(), "");
  }

  /**
   * Whether any entry has this code, e.g. {@code "DENIED"}.
   *
   * @param code a distribution-spec error code, compared case-insensitively
   * @return whether an entry has that code
   */
  public boolean hasCode(String code) {
    return errors.stream().anyMatch(e -> e.code().equalsIgnoreCase(code));
  }

  /**
   * Whether the body said anything at all.
   *
   * @return whether there are no entries and no text
   */
  public boolean isEmpty() {
    return errors.isEmpty() && text.isEmpty();
  }
}
