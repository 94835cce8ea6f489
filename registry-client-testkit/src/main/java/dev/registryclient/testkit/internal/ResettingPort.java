package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback port in front of a JDK HTTP server that can end a connection with a TCP reset. The JDK
 * server hides its sockets, so it can only close a connection normally (FIN). This port pipes every
 * connection to the server unchanged, one thread per direction; a handler calls {@link
 * #resetWhenServerCloses} and then fails mid-body, and when the server closes that connection the
 * port forwards the bytes it already sent and closes the client side with {@code SO_LINGER 0},
 * which sends RST: the client sees "connection reset" after exactly those bytes. A handler may also
 * fail mid-<em>request</em> (an upload cut while the client is still sending): then the direction
 * towards the server fails first, and it resets the client side too.
 *
 * <p>Handlers find the port through the {@link #ATTRIBUTE} attribute of their {@code HttpContext};
 * the connection is the one whose server-side peer address is the exchange's remote address.
 */
public final class ResettingPort implements AutoCloseable {
  /** {@code HttpContext} attribute holding the port in front of the context's server. */
  public static final String ATTRIBUTE = ResettingPort.class.getName();

  private static final int MAX_CONNECTIONS = 256;
  private static final int BUFFER = 64 * 1024;

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final ThreadPoolExecutor threads;
  // keyed by the local address of the port's socket to the server = the exchange's remote address
  private final Map<SocketAddress, Link> links = new ConcurrentHashMap<>();

  /** Listens on {@code address} (port 0 for a free one) and pipes connections to {@code target}. */
  public ResettingPort(InetSocketAddress address, InetSocketAddress target, String threadPrefix)
      throws IOException {
    this.listener = new ServerSocket(address.getPort(), 64, address.getAddress());
    this.target = target;
    AtomicInteger n = new AtomicInteger();
    this.threads =
        new ThreadPoolExecutor(
            1,
            1 + 2 * MAX_CONNECTIONS,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, threadPrefix + "resetting-port-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    threads.execute(this::acceptLoop);
  }

  /** The address clients connect to. */
  public InetSocketAddress address() {
    return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
  }

  /**
   * Makes the connection of {@code ex} end with a reset instead of a normal close once the server
   * closes it. Returns false if no resetting port is in front of the exchange's server.
   */
  public static boolean resetWhenServerCloses(HttpExchange ex) {
    if (ex.getHttpContext().getAttributes().get(ATTRIBUTE) instanceof ResettingPort port) {
      Link link = port.links.get(ex.getRemoteAddress());
      if (link != null) {
        link.resetClient = true;
        return true;
      }
    }
    return false;
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        try {
          threads.execute(() -> connect(client));
        } catch (RejectedExecutionException full) {
          closeQuietly(client);
        }
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void connect(Socket client) {
    Link link = new Link(client, new Socket());
    try {
      link.server.connect(target);
      client.setTcpNoDelay(true);
      link.server.setTcpNoDelay(true);
      // registered before any request byte reaches the server, so its handler finds the link
      link.key = link.server.getLocalSocketAddress();
      links.put(link.key, link);
      if (listener.isClosed()) {
        throw new IOException("closing");
      }
      threads.execute(link::toClient);
      link.toServer();
    } catch (IOException | RejectedExecutionException e) {
      link.close();
    }
  }

  /** One client connection and the port's connection to the server. */
  private final class Link {
    private final Socket client;
    private final Socket server;
    private final AtomicInteger directionsOpen = new AtomicInteger(2);
    private volatile boolean resetClient;
    private volatile SocketAddress key;

    Link(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    void toServer() {
      try {
        copy(client.getInputStream(), server.getOutputStream());
        server.shutdownOutput(); // the client half-closed; let the response finish
        directionDone();
      } catch (IOException e) {
        // a server that cut a request mid-body fails this direction first: reset, not close
        if (resetClient) {
          reset();
        } else {
          close();
        }
      }
    }

    void toClient() {
      boolean serverClosedCleanly;
      try {
        copy(server.getInputStream(), client.getOutputStream());
        serverClosedCleanly = true;
      } catch (IOException e) {
        serverClosedCleanly = false;
      }
      if (resetClient) {
        reset();
      } else if (serverClosedCleanly) {
        halfClose();
      } else {
        close();
      }
    }

    private void halfClose() {
      try {
        client.shutdownOutput(); // FIN, as the server sent; the client may still be sending
        directionDone();
      } catch (IOException e) {
        close();
      }
    }

    private void reset() {
      try {
        client.setSoLinger(true, 0); // close() now sends RST instead of FIN
      } catch (IOException e) {
        // the client is gone already; closing is all that is left
      }
      close();
    }

    private void directionDone() {
      if (directionsOpen.decrementAndGet() == 0) {
        close();
      }
    }

    void close() {
      if (key != null) {
        links.remove(key, this);
      }
      closeQuietly(client);
      closeQuietly(server);
    }
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buf = new byte[BUFFER];
    for (int n; (n = in.read(buf)) >= 0; ) {
      out.write(buf, 0, n);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** Stops accepting, drops every connection and ends all piping threads. */
  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    links.values().forEach(Link::close); // unblocks the threads reading from them
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
