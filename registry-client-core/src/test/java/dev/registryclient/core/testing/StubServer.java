package dev.registryclient.core.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A tiny HTTP server on 127.0.0.1 and a free port for tests: answers by path prefix (longest wins)
 * and records every request it receives.
 */
public final class StubServer implements AutoCloseable {
  /** A request as received. */
  public record Recorded(
      String method, String path, String query, Map<String, List<String>> headers, String body) {
    /** The first value of a header (any case). */
    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }
  }

  /** An answer. */
  public record Reply(int status, Map<String, String> headers, byte[] body) {
    /** An answer with a text body. */
    public static Reply of(int status, String body, String... headerPairs) {
      Map<String, String> h = new java.util.LinkedHashMap<>();
      for (int i = 0; i + 1 < headerPairs.length; i += 2) {
        h.put(headerPairs[i], headerPairs[i + 1]);
      }
      return new Reply(status, h, body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private final HttpServer server;
  private final Map<String, Function<Recorded, Reply>> routes = new ConcurrentHashMap<>();
  private final List<Recorded> journal = new CopyOnWriteArrayList<>();

  private StubServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a server; close it when done. */
  public static StubServer start() throws IOException {
    return new StubServer();
  }

  /** Answers requests whose path starts with {@code prefix}. */
  public StubServer route(String prefix, Function<Recorded, Reply> handler) {
    routes.put(prefix, handler);
    return this;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** A URI on this server. */
  public URI uri(String pathAndQuery) {
    return URI.create(base() + pathAndQuery);
  }

  /** Every request received, in order. */
  public List<Recorded> journal() {
    return List.copyOf(journal);
  }

  /** Requests whose path starts with {@code prefix}. */
  public List<Recorded> requests(String prefix) {
    return journal.stream().filter(r -> r.path().startsWith(prefix)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange
          .getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      Recorded recorded =
          new Recorded(
              exchange.getRequestMethod(),
              path,
              exchange.getRequestURI().getRawQuery(),
              headers,
              body);
      journal.add(recorded);
      Reply reply =
          routes.entrySet().stream()
              .filter(e -> path.startsWith(e.getKey()))
              .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
              .map(e -> e.getValue().apply(recorded))
              .orElse(
                  Reply.of(
                      404, "{\"errors\":[{\"code\":\"NOT_FOUND\",\"message\":\"no route\"}]}"));
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      boolean empty = reply.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply.body());
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
