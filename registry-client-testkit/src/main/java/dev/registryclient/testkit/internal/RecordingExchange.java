package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Delegates to the real exchange but reports the status just before the response headers go out, so
 * a request is in the journal before the client can see its response (a test that asserts right
 * after a request must not race the server). It counts the request body bytes the server reads, and
 * reads whatever a handler left unread before answering.
 *
 * <p>Why read the rest: the JDK server drains only 64 KiB of an unread request body and then closes
 * the connection, and the JDK client sends a whole body before it reads the response. So an early
 * answer to a large upload (an injected 503, a 401 challenge, a 416) would reach the client as
 * "connection reset" instead of as the status a test wants the client to handle.
 */
final class RecordingExchange extends HttpExchange {
  /** Receives the status answered and the request body bytes read by then. */
  interface Recorder {
    void answered(int status, long requestBodyBytes);
  }

  private final HttpExchange delegate;
  private final Recorder recorder;
  private final CountingInputStream requestBody;

  RecordingExchange(HttpExchange delegate, Recorder recorder) {
    this.delegate = delegate;
    this.recorder = recorder;
    this.requestBody = new CountingInputStream(delegate.getRequestBody());
  }

  /** Request body bytes the server read so far. */
  long requestBodyBytes() {
    return requestBody.count;
  }

  @Override
  public void sendResponseHeaders(int rCode, long responseLength) throws IOException {
    requestBody.drain();
    recorder.answered(rCode, requestBody.count);
    delegate.sendResponseHeaders(rCode, responseLength);
  }

  @Override
  public Headers getRequestHeaders() {
    return delegate.getRequestHeaders();
  }

  @Override
  public Headers getResponseHeaders() {
    return delegate.getResponseHeaders();
  }

  @Override
  public URI getRequestURI() {
    return delegate.getRequestURI();
  }

  @Override
  public String getRequestMethod() {
    return delegate.getRequestMethod();
  }

  @Override
  public HttpContext getHttpContext() {
    return delegate.getHttpContext();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public InputStream getRequestBody() {
    return requestBody;
  }

  @Override
  public OutputStream getResponseBody() {
    return delegate.getResponseBody();
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return delegate.getRemoteAddress();
  }

  @Override
  public int getResponseCode() {
    return delegate.getResponseCode();
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return delegate.getLocalAddress();
  }

  @Override
  public String getProtocol() {
    return delegate.getProtocol();
  }

  @Override
  public Object getAttribute(String name) {
    return delegate.getAttribute(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    delegate.setAttribute(name, value);
  }

  @Override
  public void setStreams(InputStream i, OutputStream o) {
    delegate.setStreams(i, o);
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return delegate.getPrincipal();
  }

  /** Counts what is read; closing reads the rest first, so the count covers the whole body. */
  private static final class CountingInputStream extends FilterInputStream {
    private volatile long count;
    private boolean closed;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }

    synchronized void drain() throws IOException {
      if (!closed) {
        transferTo(OutputStream.nullOutputStream());
      }
    }

    @Override
    public synchronized void close() throws IOException {
      if (!closed) {
        drain();
        closed = true;
        super.close();
      }
    }
  }
}
