package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.RecordedRequest.Origin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The JDK HTTP servers of one test-kit component (token server, CDN front) sharing one pool of
 * named daemon threads, each request journaled, all stopped together by {@link #close()}.
 */
public final class KitServers implements AutoCloseable {
  private final ExecutorService executor;
  private final List<HttpServer> servers = new ArrayList<>();

  /** A group whose {@code threads} worker threads are named {@code threadPrefix + n}. */
  public KitServers(String threadPrefix, int threads) {
    AtomicInteger n = new AtomicInteger();
    executor =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, threadPrefix + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Binds a new server on a free port of {@code address}; it starts with {@link #start()}. */
  public HttpServer bind(InetAddress address) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 64);
    server.setExecutor(executor);
    servers.add(server);
    return server;
  }

  /** Serves {@code path} on {@code server} with {@code handler}, journaling as {@code origin}. */
  public static void mount(
      HttpServer server,
      String path,
      Origin origin,
      HttpHandler handler,
      Consumer<RecordedRequest> journal) {
    HttpContext context = server.createContext(path, handler);
    context.getFilters().add(new JournalFilter(origin, journal));
  }

  /** Starts every bound server. */
  public void start() {
    servers.forEach(HttpServer::start);
  }

  /** {@code host:port} of {@code server}. */
  public static String hostAndPort(HttpServer server) {
    InetSocketAddress a = server.getAddress();
    return a.getAddress().getHostAddress() + ":" + a.getPort();
  }

  /** Stops the servers (dropping open exchanges) and their threads. */
  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
