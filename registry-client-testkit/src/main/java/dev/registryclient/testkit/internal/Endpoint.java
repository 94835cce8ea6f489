package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/**
 * One JDK HTTP server of the registry and, when reset faults are configured, the {@link
 * ResettingPort} clients reach it through. Only then does the server listen on a second, internal
 * port; otherwise clients talk to the server directly, as fast as ever.
 */
final class Endpoint implements AutoCloseable {
  private final HttpServer server;
  private final ResettingPort front;

  private Endpoint(HttpServer server, ResettingPort front) {
    this.server = server;
    this.front = front;
  }

  /**
   * Binds a server on {@code address:port} (0 for a free port), or, if {@code resettable}, a
   * resetting port there in front of a server on a free port.
   */
  static Endpoint bind(
      InetAddress address, int port, boolean resettable, Executor executor, String threadPrefix)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(address, resettable ? 0 : port), 64);
    server.setExecutor(executor);
    ResettingPort front = null;
    if (resettable) {
      try {
        front =
            new ResettingPort(
                new InetSocketAddress(address, port), server.getAddress(), threadPrefix);
      } catch (IOException e) {
        server.stop(0);
        throw e;
      }
    }
    return new Endpoint(server, front);
  }

  /** Serves {@code path} with {@code handler}; handlers can find the resetting port. */
  HttpContext mount(String path, HttpHandler handler) {
    HttpContext context = server.createContext(path, handler);
    if (front != null) {
      context.getAttributes().put(ResettingPort.ATTRIBUTE, front);
    }
    return context;
  }

  /** The address clients connect to. */
  InetSocketAddress address() {
    return front != null ? front.address() : server.getAddress();
  }

  /** {@code http://host:port} clients connect to. */
  String url() {
    InetSocketAddress a = address();
    return "http://" + a.getAddress().getHostAddress() + ":" + a.getPort();
  }

  void start() {
    server.start();
  }

  /** Stops the server, dropping open exchanges, and the resetting port with its connections. */
  @Override
  public void close() {
    if (front != null) {
      front.close();
    }
    server.stop(0);
  }
}
