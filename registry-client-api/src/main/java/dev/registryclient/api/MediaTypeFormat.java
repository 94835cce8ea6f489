package dev.registryclient.api;

import java.util.Map;

/** Writes the canonical text of a {@link MediaType}. */
final class MediaTypeFormat {
  private MediaTypeFormat() {}

  static String format(String type, String subtype, Map<String, String> parameters) {
    StringBuilder sb = new StringBuilder(type).append('/').append(subtype);
    parameters.forEach(
        (name, value) -> sb.append("; ").append(name).append('=').append(quoted(value)));
    return sb.toString();
  }

  /** {@code value} as is if it is a token, otherwise as a quoted-string. */
  private static String quoted(String value) {
    if (MediaTypeParser.isToken(value)) {
      return value;
    }
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }
}
