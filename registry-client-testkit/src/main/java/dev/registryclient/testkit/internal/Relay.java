package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Forwards GET and HEAD requests to an upstream server and streams the answer back unchanged
 * (status, headers, body), never holding a body in memory and never following redirects.
 */
public final class Relay {
  private static final Set<String> FORWARDED =
      Set.of("accept", "authorization", "range", "if-none-match", "user-agent");
  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "keep-alive", "transfer-encoding", "content-length", "date");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * Sends {@code method target} upstream with the client's {@code Accept}, {@code Range}, {@code
   * If-None-Match}, {@code User-Agent} and, if {@code withAuthorization}, {@code Authorization}.
   */
  public HttpResponse<InputStream> fetch(
      String method, URI target, HttpExchange ex, boolean withAuthorization) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(TIMEOUT)
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (Map.Entry<String, List<String>> header : ex.getRequestHeaders().entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (FORWARDED.contains(name) && (withAuthorization || !name.equals("authorization"))) {
        header.getValue().forEach(value -> request.header(header.getKey(), value));
      }
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking " + target, e);
    }
  }

  /**
   * Streams {@code response} to the client, leaving out hop-by-hop headers and those {@code
   * dropHeader} rejects (lower-case names), and closes the upstream body.
   */
  public static void relay(
      HttpResponse<InputStream> response, HttpExchange ex, Predicate<String> dropHeader)
      throws IOException {
    try (InputStream body = response.body()) {
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!HOP_BY_HOP.contains(lower)
                    && !lower.startsWith(":")
                    && !dropHeader.test(lower)) {
                  ex.getResponseHeaders().put(name, values);
                }
              });
      long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (Exchanges.isHead(ex)) {
        if (length >= 0) {
          ex.getResponseHeaders().set("Content-Length", Long.toString(length));
        }
        ex.sendResponseHeaders(response.statusCode(), -1);
        ex.close();
        return;
      }
      // the JDK server takes 0 for "chunked" and -1 for "no body"
      ex.sendResponseHeaders(response.statusCode(), length == 0 ? -1 : length < 0 ? 0 : length);
      try (OutputStream out = ex.getResponseBody()) {
        body.transferTo(out);
      }
    }
  }
}
