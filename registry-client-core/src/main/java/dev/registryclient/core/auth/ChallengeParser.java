package dev.registryclient.core.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses {@code WWW-Authenticate} values (RFC 7235 section 4.1): several challenges in one value
 * and across values, quoted strings with escapes and commas, any case of the scheme, token68. It is
 * lenient where registries are sloppy: unquoted values may hold any character but comma and space
 * (so {@code realm=https://x/token} works), and a missing comma between params is tolerated.
 *
 * <pre>{@code
 * List<AuthChallenge> cs = ChallengeParser.parse(response.headers().all("WWW-Authenticate"));
 * }</pre>
 *
 * <p>Own code rather than HttpClient's parser: only the engine may import HttpClient, and this
 * grammar fits in one small class. Bad input gives {@link IllegalArgumentException}.
 */
public final class ChallengeParser {
  private final String text;
  private int pos;

  private ChallengeParser(String text) {
    this.text = text;
  }

  /** Every challenge of every header value, in order. */
  public static List<AuthChallenge> parse(List<String> headerValues) {
    List<AuthChallenge> all = new ArrayList<>();
    headerValues.forEach(v -> all.addAll(parse(v)));
    return all;
  }

  /**
   * Every challenge of one header value, in order.
   *
   * @throws IllegalArgumentException if the value does not follow the grammar
   */
  public static List<AuthChallenge> parse(String headerValue) {
    return new ChallengeParser(headerValue).challenges();
  }

  private List<AuthChallenge> challenges() {
    List<AuthChallenge> out = new ArrayList<>();
    skip(" \t,");
    while (pos < text.length()) {
      String scheme = run(false);
      if (scheme.isEmpty()) {
        throw fail("an auth scheme");
      }
      Map<String, String> params = new LinkedHashMap<>();
      Optional<String> token68 = body(params);
      out.add(new AuthChallenge(scheme, params, token68));
      skip(" \t,");
    }
    return out;
  }

  /** Reads token68 or params up to the next challenge; returns the token68 if there was one. */
  private Optional<String> body(Map<String, String> params) {
    boolean first = true;
    while (true) {
      skip(" \t");
      if (pos >= text.length()) {
        return Optional.empty();
      }
      if (text.charAt(pos) == ',') {
        skip(" \t,");
        if (pos >= text.length() || !paramFollows()) {
          return Optional.empty();
        }
        first = false;
        continue;
      }
      int start = pos;
      String name = run(true);
      if (name.isEmpty()) {
        throw fail("a parameter");
      }
      skip(" \t");
      if (peek() != '=') {
        if (first && atItemEnd()) {
          return Optional.of(name);
        }
        pos = start; // the next challenge's scheme
        return Optional.empty();
      }
      int eq = pos;
      while (peek() == '=') {
        pos++;
      }
      skip(" \t");
      if (first && atItemEnd() && !name.contains("=")) {
        return Optional.of(name + text.substring(eq, pos).strip());
      }
      pos = eq + 1;
      skip(" \t");
      params.putIfAbsent(name, peek() == '"' ? quoted() : unquoted());
      first = false;
    }
  }

  private boolean paramFollows() {
    int start = pos;
    boolean param = !run(true).isEmpty() && skipThen('=');
    pos = start;
    return param;
  }

  private boolean skipThen(char c) {
    skip(" \t");
    return peek() == c;
  }

  private boolean atItemEnd() {
    return pos >= text.length() || text.charAt(pos) == ',';
  }

  private String run(boolean allowSlash) {
    int start = pos;
    while (pos < text.length() && isTokenChar(text.charAt(pos), allowSlash)) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private static boolean isTokenChar(char c, boolean allowSlash) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0
        || (allowSlash && c == '/');
  }

  private String quoted() {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\' && pos < text.length()) {
        c = text.charAt(pos++);
      }
      sb.append(c);
    }
    throw fail("a closing quote");
  }

  private String unquoted() {
    int start = pos;
    while (pos < text.length() && ", \t".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  private void skip(String chars) {
    while (pos < text.length() && chars.indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private IllegalArgumentException fail(String expected) {
    return new IllegalArgumentException(
        "invalid WWW-Authenticate value, expected " + expected + " at offset " + pos + ": " + text);
  }
}
