package dev.registryclient.api;

import static dev.registryclient.api.internal.Immutables.quote;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code type/subtype *(OWS ";" OWS [name=value])} as RFC 9110 section 8.3.1 defines it, with
 * token and quoted-string values. A single left-to-right scan, so every input is linear.
 */
final class MediaTypeParser {
  // far longer than any media type a registry sends; bounds the work and the error message
  private static final int MAX_LENGTH = 1024;

  private final String input;
  private int pos;

  private MediaTypeParser(String input) {
    this.input = input;
  }

  static MediaType parse(String value) {
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "invalid media type " + quote(value) + ": longer than " + MAX_LENGTH + " characters");
    }
    return new MediaTypeParser(value).mediaType();
  }

  private MediaType mediaType() {
    skipWhitespace();
    String type = token("type");
    expect('/', "a '/' between type and subtype");
    String subtype = token("subtype");
    Map<String, String> parameters = new LinkedHashMap<>();
    skipWhitespace();
    while (pos < input.length()) {
      expect(';', "';' before a parameter");
      skipWhitespace();
      if (pos == input.length() || input.charAt(pos) == ';') {
        continue; // RFC 9110 allows empty parameters, e.g. a trailing ';'
      }
      String name = token("parameter name").toLowerCase(Locale.ROOT);
      expect('=', "'=' after parameter " + name);
      String value = pos < input.length() && input.charAt(pos) == '"' ? quoted() : token("value");
      if (parameters.put(name, value) != null) {
        throw fail("parameter " + name + " appears twice");
      }
      skipWhitespace();
    }
    return MediaType.create(type, subtype, parameters);
  }

  private String token(String what) {
    int start = pos;
    while (pos < input.length() && isTokenChar(input.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw fail("expected a " + what + " at position " + pos);
    }
    return input.substring(start, pos);
  }

  private String quoted() {
    StringBuilder sb = new StringBuilder();
    pos++; // opening quote
    while (pos < input.length()) {
      char c = input.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        if (pos == input.length()) {
          break;
        }
        c = input.charAt(pos++);
      }
      if (c != '\t' && (c < 0x20 || c == 0x7f)) {
        throw fail("control character in quoted parameter value");
      }
      sb.append(c);
    }
    throw fail("unterminated quoted parameter value");
  }

  private void expect(char c, String what) {
    if (pos >= input.length() || input.charAt(pos) != c) {
      throw fail("expected " + what + " at position " + pos);
    }
    pos++;
  }

  private void skipWhitespace() {
    while (pos < input.length() && (input.charAt(pos) == ' ' || input.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private IllegalArgumentException fail(String problem) {
    return new IllegalArgumentException("invalid media type " + quote(input) + ": " + problem);
  }

  static boolean isToken(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isTokenChar(s.charAt(i))) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  static boolean isTokenChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
