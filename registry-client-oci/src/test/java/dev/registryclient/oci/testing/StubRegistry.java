package dev.registryclient.oci.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server answering fixed replies per path, for what the test kit will not do on
 * purpose (a wrong {@code Docker-Content-Digest}, a missing header, an HTML error page). Unknown
 * paths, including the {@code /v2/} ping, answer 200 with an empty JSON object.
 */
public final class StubRegistry implements AutoCloseable {
  private static final Reply EMPTY_OBJECT =
      new Reply(200, Map.of(), "{}".getBytes(StandardCharsets.UTF_8));
  private final HttpServer server;
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  /** A canned answer; HEAD gets the same headers without the body. */
  public record Reply(int status, Map<String, String> headers, byte[] body) {}

  private StubRegistry(HttpServer server) {
    this.server = server;
  }

  /** Starts a stub on 127.0.0.1 with an ephemeral port. */
  public static StubRegistry start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    StubRegistry stub = new StubRegistry(server);
    server.createContext("/", stub::handle);
    server.start();
    return stub;
  }

  /**
   * Answers requests for {@code target} with {@code reply}: a path with a query matches only that
   * query, a path without one matches any query not registered on its own.
   */
  public StubRegistry on(String target, Reply reply) {
    replies.put(target, reply);
    return this;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** {@code 127.0.0.1:PORT}. */
  public String hostAndPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** The requests so far as {@code METHOD path[?query]}, without the {@code /v2/} ping. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getRawPath();
      String query = ex.getRequestURI().getRawQuery();
      String target = query == null ? path : path + "?" + query;
      if (!path.equals("/v2/")) {
        requests.add(ex.getRequestMethod() + " " + target);
      }
      Reply reply = replies.getOrDefault(target, replies.getOrDefault(path, EMPTY_OBJECT));
      reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      boolean head = ex.getRequestMethod().equals("HEAD");
      ex.getResponseHeaders().set("Content-Length", Integer.toString(reply.body().length));
      ex.sendResponseHeaders(
          reply.status(), head || reply.body().length == 0 ? -1 : reply.body().length);
      if (!head) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(reply.body());
        }
      }
    } finally {
      ex.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
