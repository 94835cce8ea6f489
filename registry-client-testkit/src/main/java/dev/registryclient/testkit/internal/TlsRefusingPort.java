package dev.registryclient.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A loopback port in front of a JDK HTTP server that hangs up at once on TLS. Clients told a
 * registry is "insecure" (skopeo's {@code --tls-verify=false}, Docker's insecure registries) try
 * https first and fall back to http only when the handshake fails; the JDK server, waiting for a
 * request line that a ClientHello never sends, would let them wait for their handshake timeout (10
 * s in Go). Any connection whose first byte is a TLS handshake record (0x16) is closed; every other
 * one is piped to the server unchanged.
 */
public final class TlsRefusingPort implements AutoCloseable {
  private static final int TLS_HANDSHAKE = 0x16;

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final ExecutorService threads;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  /** Listens on a free port of {@code address} and pipes plain HTTP to {@code target}. */
  public TlsRefusingPort(InetAddress address, InetSocketAddress target, String threadPrefix)
      throws IOException {
    this.listener = new ServerSocket(0, 64, address);
    this.target = target;
    this.threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, threadPrefix + "tls-refusing-port");
              t.setDaemon(true);
              return t;
            });
    threads.execute(this::acceptLoop);
  }

  /** The address clients connect to. */
  public InetSocketAddress address() {
    return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        open.add(client);
        threads.execute(() -> serve(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(30_000); // no client sends nothing for that long in a test
      int first = client.getInputStream().read();
      if (first < 0 || first == TLS_HANDSHAKE) {
        return;
      }
      client.setSoTimeout(0);
      try (Socket server = new Socket(target.getAddress(), target.getPort())) {
        open.add(server);
        try {
          server.getOutputStream().write(first);
          threads.execute(() -> pipe(server, client));
          pipe(client, server);
        } finally {
          open.remove(server);
        }
      }
    } catch (IOException | RejectedExecutionException e) {
      // the peer went away or we are closing: nothing to do
    } finally {
      open.remove(client);
    }
  }

  // copies until EOF, then half-closes so the other direction can finish
  private static void pipe(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      in.transferTo(out);
      to.shutdownOutput();
    } catch (IOException e) {
      try {
        to.close();
        from.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
  }

  /** Stops accepting and ends all piping threads. */
  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket socket : open) {
      try {
        socket.close(); // unblocks the threads reading from it
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
