package dev.registryclient.core.transport.http5;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A response body as the engine hands it out. Every read must return within the idle-read timeout
 * (a stalled server fails the read with a {@link SocketTimeoutException} instead of hanging), and
 * closing it before the end aborts the connection: HttpClient would otherwise read the rest of the
 * body to reuse the socket, which for a cut-off multi-gigabyte blob, or a stalled one, never ends.
 */
final class WatchedBody extends FilterInputStream {
  private final Watchdog.Watch watch;
  private final Duration idle;
  private final Runnable abort;
  private final Closeable response;
  private final long length;
  private final String host;
  private long count;
  private boolean atEnd;

  /**
   * @param length the Content-Length, or -1 if unknown
   * @param watch the exchange's watch, whose expiry runs {@code abort}; closed with this body
   * @param abort cancels the exchange, closing its socket
   * @param response closes the response normally (reusing the connection)
   */
  WatchedBody(
      InputStream in,
      long length,
      Watchdog.Watch watch,
      Duration idle,
      Runnable abort,
      Closeable response,
      String host) {
    super(in);
    this.length = length;
    this.watch = watch;
    this.idle = idle;
    this.abort = abort;
    this.response = response;
    this.host = host;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    watch.arm(idle);
    int n;
    try {
      n = super.read(b, off, len);
    } catch (IOException e) {
      throwIfFired();
      throw e;
    }
    throwIfFired();
    if (n < 0) {
      atEnd = true;
    } else {
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] sink = new byte[(int) Math.min(8192, Math.max(1, n))];
    long skipped = 0;
    while (skipped < n) {
      int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public void close() throws IOException {
    watch.close();
    if (atEnd || (length >= 0 && count >= length)) {
      response.close(); // read to the end: the connection goes back to the pool
      return;
    }
    abort.run(); // not at the end: drop the connection rather than drain it
    try {
      response.close();
    } catch (IOException expected) {
      // closing reads from the socket we just closed; nothing is lost
    }
  }

  private void throwIfFired() throws SocketTimeoutException {
    if (watch.disarm()) {
      throw new SocketTimeoutException(
          "no body data from " + host + " for " + idle.toMillis() + " ms (idle-read timeout)");
    }
  }
}
