package dev.registryclient.oci.paging;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses {@code Link} response headers (RFC 8288) as registries send them for tag, catalog and
 * referrer pagination.
 *
 * <p>Handles several links in one header value and several header values, quoted and token
 * parameter values, case-insensitive parameter names, {@code rel} lists such as {@code rel="next
 * prev"}, and relative targets, which are resolved against the request URI per RFC 3986 (quay.io,
 * Harbor, ACR and GHCR all send relative targets).
 *
 * <p><b>Malformed input</b> throws {@link IllegalArgumentException} naming the header value and
 * position; nothing else escapes. It is never silently skipped, because a skipped {@code next} link
 * would end a listing early and hand the caller a partial result that looks complete. Lenient where
 * real servers are sloppy: empty list elements, a stray {@code ;} and unquoted values with
 * characters outside the RFC's token set are accepted.
 *
 * <pre>{@code
 * URI request = URI.create("https://quay.io/v2/keycloak/keycloak/tags/list?n=100");
 * Optional<URI> next = LinkHeader.nextLink(request, response.headers("Link"));
 * // -> https://quay.io/v2/keycloak/keycloak/tags/list?n=100&last=23.0.4-0
 * }</pre>
 */
public final class LinkHeader {

  private LinkHeader() {}

  /**
   * The target of the first link with relation {@code next}, resolved against {@code requestUri},
   * or empty when there is none.
   *
   * @param requestUri the absolute URI of the request the header came with
   * @param headerValues every {@code Link} header value of the response, in order
   * @return the next page's absolute URI, or empty if there is no {@code next} link
   * @throws IllegalArgumentException if a header value is malformed or a target is not a valid URI
   */
  public static Optional<URI> nextLink(URI requestUri, List<String> headerValues) {
    return parse(requestUri, headerValues).stream()
        .filter(link -> link.hasRelation("next"))
        .map(Link::target)
        .findFirst();
  }

  /**
   * Every link of every header value, in order.
   *
   * @param requestUri the absolute URI of the request the headers came with
   * @param headerValues every {@code Link} header value of the response, in order
   * @return the links, with targets resolved against {@code requestUri}
   * @throws IllegalArgumentException if a header value is malformed or a target is not a valid URI
   */
  public static List<Link> parse(URI requestUri, List<String> headerValues) {
    Objects.requireNonNull(requestUri, "requestUri");
    Objects.requireNonNull(headerValues, "headerValues");
    List<Link> links = new ArrayList<>();
    for (String value : headerValues) {
      links.addAll(parse(requestUri, value));
    }
    return List.copyOf(links);
  }

  /**
   * Every link of one header value, in order.
   *
   * @param requestUri the absolute URI of the request the header came with
   * @param headerValue one {@code Link} header value
   * @return the links, with targets resolved against {@code requestUri}
   * @throws IllegalArgumentException if the value is malformed or a target is not a valid URI
   */
  public static List<Link> parse(URI requestUri, String headerValue) {
    Objects.requireNonNull(requestUri, "requestUri");
    Objects.requireNonNull(headerValue, "headerValue");
    return new Parser(requestUri, headerValue).links();
  }

  /** A single-use cursor over one header value, following the grammar of RFC 8288 section 3. */
  private static final class Parser {
    private final URI base;
    private final String s;
    private int pos;

    Parser(URI base, String s) {
      this.base = base;
      this.s = s;
    }

    List<Link> links() {
      List<Link> links = new ArrayList<>();
      while (true) {
        skipWhitespaceAndCommas();
        if (pos >= s.length()) {
          return links;
        }
        links.add(link());
        skipWhitespace();
        if (pos < s.length() && s.charAt(pos) != ',') {
          throw malformed("expected ',' or end of value");
        }
      }
    }

    private Link link() {
      if (s.charAt(pos) != '<') {
        throw malformed("expected '<' starting a link target");
      }
      int close = s.indexOf('>', pos + 1);
      if (close < 0) {
        throw malformed("unterminated '<' of a link target");
      }
      String reference = s.substring(pos + 1, close).strip();
      pos = close + 1;
      Map<String, String> params = new LinkedHashMap<>();
      while (true) {
        skipWhitespace();
        if (pos >= s.length() || s.charAt(pos) != ';') {
          break;
        }
        pos++;
        skipWhitespace();
        String name = token().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
          continue; // a stray or trailing ';'
        }
        skipWhitespace();
        String value = "";
        if (pos < s.length() && s.charAt(pos) == '=') {
          pos++;
          skipWhitespace();
          value = pos < s.length() && s.charAt(pos) == '"' ? quotedString() : unquotedValue();
        }
        params.putIfAbsent(name, value);
      }
      List<String> relations = new ArrayList<>();
      for (String rel : params.getOrDefault("rel", "").split("[ \t]+")) {
        if (!rel.isEmpty()) {
          relations.add(rel.toLowerCase(Locale.ROOT));
        }
      }
      try {
        return new Link(UriReferences.resolve(base, reference), relations, params);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "malformed Link header \"" + UriReferences.abbreviate(s) + "\": " + e.getMessage(), e);
      }
    }

    private String token() {
      int start = pos;
      while (pos < s.length() && isTokenChar(s.charAt(pos))) {
        pos++;
      }
      return s.substring(start, pos);
    }

    /** A value without quotes: anything up to the next separator, tolerating non-token chars. */
    private String unquotedValue() {
      int start = pos;
      while (pos < s.length() && ";, \t".indexOf(s.charAt(pos)) < 0) {
        pos++;
      }
      return s.substring(start, pos);
    }

    private String quotedString() {
      StringBuilder sb = new StringBuilder();
      pos++; // opening quote
      while (pos < s.length()) {
        char c = s.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\' && pos < s.length()) {
          c = s.charAt(pos++);
        }
        sb.append(c);
      }
      throw malformed("unterminated quoted string");
    }

    private void skipWhitespace() {
      while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
        pos++;
      }
    }

    private void skipWhitespaceAndCommas() {
      while (pos < s.length() && " \t,".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
    }

    private IllegalArgumentException malformed(String what) {
      return new IllegalArgumentException(
          "malformed Link header \"" + UriReferences.abbreviate(s) + "\" at " + pos + ": " + what);
    }

    private static boolean isTokenChar(char c) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
  }
}
