package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.registryclient.testkit.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Streams a blob or manifest body with a fixed {@code Content-Length}, never holding it whole in
 * memory, and applies a body {@link Fault} if one was drawn for the request.
 */
public final class BodySender {
  private static final int BUFFER = 64 * 1024;

  private BodySender() {}

  /**
   * Thrown to make the JDK server drop the connection mid-body (of a response, or of a request it
   * was reading); a {@link ResettingPort} in front turns that into a reset if asked to.
   */
  public static final class ConnectionCutException extends IOException {
    ConnectionCutException(long sent) {
      this("test registry fault: connection cut after " + sent + " body bytes");
    }

    ConnectionCutException(String message) {
      super(message);
    }
  }

  /**
   * Sends {@code length} bytes of {@code file} starting at {@code offset} with {@code status}. For
   * HEAD only the headers are sent.
   */
  public static void sendFile(
      HttpExchange ex, int status, Path file, long offset, long length, Optional<Fault> fault)
      throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ch.position(offset);
      send(ex, status, Channels.newInputStream(ch), length, fault);
    }
  }

  /** Sends {@code length} bytes from {@code in} with {@code status} (headers only for HEAD). */
  public static void send(
      HttpExchange ex, int status, InputStream in, long length, Optional<Fault> fault)
      throws IOException {
    if (Exchanges.isHead(ex)) {
      ex.getResponseHeaders().set("Content-Length", Long.toString(length));
      ex.sendResponseHeaders(status, -1);
      ex.close();
      return;
    }
    Fault.Kind kind = fault.map(Fault::kind).orElse(null);
    if (kind == Fault.Kind.ENDLESS_BODY) {
      ex.sendResponseHeaders(status, 0); // chunked: no length to stop at
      sendEndless(ex.getResponseBody(), in);
      return;
    }
    ex.sendResponseHeaders(status, length == 0 ? -1 : length);
    long limit = length;
    if (kind == Fault.Kind.DISCONNECT_AFTER || kind == Fault.Kind.RESET_AFTER) {
      limit = Math.min(length, fault.get().amount());
    } else if (kind == Fault.Kind.TRUNCATED_BODY) {
      limit = length / 2;
    }
    OutputStream out = ex.getResponseBody();
    long rate = kind == Fault.Kind.SLOW_BODY ? fault.get().amount() : 0;
    copy(in, out, limit, kind == Fault.Kind.WRONG_BYTES, rate);
    out.flush();
    if (limit < length) {
      if (kind == Fault.Kind.RESET_AFTER && !ResettingPort.resetWhenServerCloses(ex)) {
        throw new IllegalStateException("no resetting port in front of " + ex.getLocalAddress());
      }
      // the JDK server closes the connection when a handler fails after sending headers
      throw new ConnectionCutException(limit);
    }
    out.close();
  }

  private static void copy(InputStream in, OutputStream out, long limit, boolean corrupt, long rate)
      throws IOException {
    int chunk = rate > 0 ? (int) Math.max(1, Math.min(BUFFER, rate / 20)) : BUFFER;
    byte[] buf = new byte[chunk];
    long sent = 0;
    long start = System.nanoTime();
    while (sent < limit) {
      int n = in.read(buf, 0, (int) Math.min(buf.length, limit - sent));
      if (n < 0) {
        throw new IOException("body source ended after " + sent + " of " + limit + " bytes");
      }
      if (corrupt) {
        for (int i = 0; i < n; i++) {
          buf[i] ^= (byte) 0x5a;
        }
      }
      out.write(buf, 0, n);
      sent += n;
      if (rate > 0) {
        out.flush();
        pace(start, sent, rate);
      }
    }
  }

  private static void pace(long startNanos, long sent, long bytesPerSecond) throws IOException {
    long dueNanos = startNanos + sent * 1_000_000_000L / bytesPerSecond;
    long waitMillis = (dueNanos - System.nanoTime()) / 1_000_000L;
    if (waitMillis > 0) {
      try {
        Thread.sleep(waitMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("registry is shutting down", e);
      }
    }
  }

  private static void sendEndless(OutputStream out, InputStream in) throws IOException {
    in.transferTo(out);
    byte[] noise = new byte[BUFFER];
    SplittableRandom random = new SplittableRandom(1);
    // ends when the client hangs up or close() stops the server and interrupts this thread
    while (!Thread.currentThread().isInterrupted()) {
      random.nextBytes(noise);
      out.write(noise);
      out.flush();
    }
    throw new IOException("registry is shutting down");
  }
}
