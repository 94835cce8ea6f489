package dev.registryclient.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loopback addresses that behave like a firewalled CDN host: one refuses connections, one never
 * completes new connections (its accept backlog is kept full, so the kernel drops further SYNs: a
 * <em>connect</em> timeout), one completes the handshake but never answers (a <em>read</em>
 * timeout). Nothing ever accepts, so no thread is needed.
 */
public final class DeadHosts implements AutoCloseable {
  private static final int MAX_FILLERS = 16;

  private final InetAddress address;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private int refusingPort = -1;
  private int connectTimeoutPort = -1;
  private int readTimeoutPort = -1;

  /** Dead hosts on {@code address} (a loopback address). */
  public DeadHosts(InetAddress address) {
    this.address = address;
  }

  /** {@code host:port} where connections are refused. */
  public synchronized String refusing() {
    if (refusingPort < 0) {
      try (ServerSocket s = new ServerSocket(0, 1, address)) {
        refusingPort = s.getLocalPort(); // closed again: nothing listens there any more
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return hostAndPort(refusingPort);
  }

  /** {@code host:port} where connecting times out. */
  public synchronized String connectTimeout() {
    if (connectTimeoutPort < 0) {
      try {
        ServerSocket s = new ServerSocket(0, 1, address);
        resources.add(s);
        fillBacklog(s);
        connectTimeoutPort = s.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return hostAndPort(connectTimeoutPort);
  }

  /** {@code host:port} where connecting works but no response ever comes. */
  public synchronized String readTimeout() {
    if (readTimeoutPort < 0) {
      try {
        ServerSocket s = new ServerSocket(0, 50, address);
        resources.add(s);
        readTimeoutPort = s.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return hostAndPort(readTimeoutPort);
  }

  // Connect our own sockets until one times out: from then on the queue is full and stays full,
  // because nobody accepts and our sockets stay open.
  private void fillBacklog(ServerSocket server) throws IOException {
    for (int i = 0; i < MAX_FILLERS; i++) {
      Socket filler = new Socket();
      try {
        filler.connect(new InetSocketAddress(address, server.getLocalPort()), 250);
        resources.add(filler);
      } catch (SocketTimeoutException e) {
        filler.close();
        return;
      }
    }
    throw new IOException("could not fill the accept backlog of " + server);
  }

  private String hostAndPort(int port) {
    return address.getHostAddress() + ":" + port;
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        // best effort: closing a socket we own cannot meaningfully fail
      }
    }
    resources.clear();
  }
}
