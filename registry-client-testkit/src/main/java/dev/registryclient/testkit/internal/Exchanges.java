package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.registryclient.testkit.RecordedRequest.Origin;
import dev.registryclient.testkit.RequestTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers to answer {@link HttpExchange}s the way a registry does. */
public final class Exchanges {
  /** Request bodies the registry reads into memory (manifests, forms) are capped at this size. */
  public static final int MAX_SMALL_BODY = 4 * 1024 * 1024;

  private Exchanges() {}

  /** Sends a spec error body {@code {"errors":[{"code","message","detail"}]}}. */
  public static void error(HttpExchange ex, ErrorCode code, String detail) throws IOException {
    error(ex, code.status(), code, detail);
  }

  /** Sends a spec error body with an explicit status. */
  public static void error(HttpExchange ex, int status, ErrorCode code, String detail)
      throws IOException {
    Map<String, Object> error = Json.object("code", code.name(), "message", code.message());
    error.put("detail", detail == null ? Json.object() : detail);
    bytes(ex, status, "application/json", Json.bytes(Json.object("errors", List.of(error))));
  }

  /** Sends a JSON document. */
  public static void json(HttpExchange ex, int status, Object document) throws IOException {
    bytes(ex, status, "application/json", Json.bytes(document));
  }

  /** Sends bytes with a fixed Content-Length (nothing for HEAD). */
  public static void bytes(HttpExchange ex, int status, String contentType, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    if (isHead(ex)) {
      ex.getResponseHeaders().set("Content-Length", Long.toString(body.length));
      ex.sendResponseHeaders(status, -1);
      ex.close();
      return;
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** Sends a status with no body. */
  public static void empty(HttpExchange ex, int status) throws IOException {
    ex.sendResponseHeaders(status, -1);
    ex.close();
  }

  /** Whether the request is a HEAD. */
  public static boolean isHead(HttpExchange ex) {
    return "HEAD".equals(ex.getRequestMethod());
  }

  /** Reads a small request body, failing if it exceeds {@link #MAX_SMALL_BODY}. */
  public static byte[] readSmallBody(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_SMALL_BODY + 1);
      if (body.length > MAX_SMALL_BODY) {
        throw new IllegalArgumentException("body larger than " + MAX_SMALL_BODY + " bytes");
      }
      return body;
    }
  }

  /** Decodes {@code a=1&b=2} (query strings and form bodies); the first value of a name wins. */
  public static Map<String, String> parseForm(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        params.putIfAbsent(decode(name), decode(value));
      } catch (IllegalArgumentException e) {
        // a malformed escape: keep the raw text, as lenient servers do
        params.putIfAbsent(name, value);
      }
    }
    return params;
  }

  /** The request's query parameters. */
  public static Map<String, String> query(HttpExchange ex) {
    return parseForm(ex.getRequestURI().getRawQuery());
  }

  /** All values of a query parameter, in order (e.g. several {@code scope}s). */
  public static List<String> queryValues(String rawQuery, String name) {
    if (rawQuery == null) {
      return List.of();
    }
    return java.util.Arrays.stream(rawQuery.split("&"))
        .filter(p -> p.startsWith(name + "="))
        .map(p -> decode(p.substring(name.length() + 1)))
        .toList();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** What the exchange's request is about, for matching faults. */
  public static RequestTarget target(HttpExchange ex, Origin origin) {
    String query = ex.getRequestURI().getRawQuery();
    String path = ex.getRequestURI().getRawPath();
    return TargetParser.parse(
        origin, ex.getRequestMethod(), query == null ? path : path + "?" + query);
  }

  /** {@code http://host:port} of the server that received the exchange. */
  public static String baseUrl(HttpExchange ex) {
    return "http://" + hostAndPort(ex);
  }

  /**
   * {@code host:port} the client connected to: the server socket that received the exchange, or the
   * {@link ResettingPort} in front of it.
   */
  public static String hostAndPort(HttpExchange ex) {
    InetSocketAddress a =
        ex.getHttpContext().getAttributes().get(ResettingPort.ATTRIBUTE) instanceof ResettingPort p
            ? p.address()
            : ex.getLocalAddress();
    return a.getAddress().getHostAddress() + ":" + a.getPort();
  }
}
