package dev.registryclient.core.transport;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP response whose body streams from the connection. Always close it (try-with-resources):
 * closing after the body was read to the end returns the connection to the pool; closing earlier
 * aborts the connection, so a large blob is never drained just to reuse a socket.
 *
 * <pre>{@code
 * try (Response r = transport.execute(Request.get(uri))) {
 *   if (r.status() == 200) {
 *     r.body().transferTo(out);
 *   }
 * }
 * }</pre>
 */
public final class Response implements Closeable {
  private final Request request;
  private final int status;
  private final Headers headers;
  private final InputStream body;
  private final Response wrapped;
  private volatile boolean closed;

  private Response(Request request, int status, Headers headers, InputStream body) {
    this(request, status, headers, body, null);
  }

  private Response(
      Request request, int status, Headers headers, InputStream body, Response wrapped) {
    this.request = Objects.requireNonNull(request, "request");
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("invalid HTTP status: " + status);
    }
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = Objects.requireNonNull(body, "body");
    this.wrapped = wrapped;
  }

  /**
   * A response to a request.
   *
   * @param request the request that was sent last (after redirects: the final one)
   * @param body the streaming body; closed by {@link #close()}
   * @param status the HTTP status code
   * @param headers the response's header fields
   * @return the response
   */
  public static Response of(Request request, int status, Headers headers, InputStream body) {
    return new Response(request, status, headers, body);
  }

  /**
   * A response with an empty body.
   *
   * @param request the request that was sent last (after redirects: the final one)
   * @param status the HTTP status code
   * @param headers the response's header fields
   * @return the response
   */
  public static Response of(Request request, int status, Headers headers) {
    return new Response(request, status, headers, new ByteArrayInputStream(new byte[0]));
  }

  /**
   * This response with another body stream (e.g. one that verifies a digest or resumes a cut
   * transfer); closing the result closes the new stream and then this response.
   *
   * @param newBody the stream to read instead of this response's body
   * @return a response with the same request, status and headers
   */
  public Response withBody(InputStream newBody) {
    return new Response(request, status, headers, newBody, this);
  }

  /**
   * The request this answers; its URI is the final one after redirects.
   *
   * @return the final request
   */
  public Request request() {
    return request;
  }

  /**
   * The URI that produced this response (after redirects).
   *
   * @return the final URI
   */
  public URI uri() {
    return request.uri();
  }

  /**
   * The HTTP status code.
   *
   * @return the status code
   */
  public int status() {
    return status;
  }

  /**
   * Whether the status is 2xx.
   *
   * @return whether the status is 200 to 299
   */
  public boolean isSuccessful() {
    return status >= 200 && status < 300;
  }

  /**
   * The header fields.
   *
   * @return the headers
   */
  public Headers headers() {
    return headers;
  }

  /**
   * The first value of a header.
   *
   * @param name the header's name, case-insensitive
   * @return its first value, or empty if absent
   */
  public Optional<String> header(String name) {
    return headers.first(name);
  }

  /**
   * The body, streaming from the connection. Read it once.
   *
   * @return the body stream
   */
  public InputStream body() {
    return body;
  }

  /**
   * Whether {@link #close()} was called.
   *
   * @return whether this response was closed
   */
  public boolean isClosed() {
    return closed;
  }

  /** Releases the connection (reused if the body was read to its end, aborted otherwise). */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      try {
        body.close();
      } finally {
        if (wrapped != null) {
          wrapped.close();
        }
      }
    }
  }

  /** Closes, ignoring a failure to close (for error paths that already have an exception). */
  public void closeQuietly() {
    try {
      close();
    } catch (IOException ignored) {
      // the connection is discarded either way
    }
  }

  @Override
  public String toString() {
    return "Response[" + status + " " + request.method() + " " + request.uri() + "]";
  }
}
