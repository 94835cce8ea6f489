package dev.registryclient.core.transport;

import java.io.IOException;

/**
 * An I/O failure of the engine, tagged with the request that was on the wire, so the error reported
 * to the caller names the host really contacted (a CDN after a redirect), not only the registry.
 * Retry logic looks at {@link #getCause()}.
 */
public final class TransportIOException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient Request request;

  /**
   * Wraps the engine's failure for this request.
   *
   * @param request the request whose exchange failed
   * @param cause the engine's failure; its message becomes this one's
   */
  public TransportIOException(Request request, IOException cause) {
    super(cause.getMessage(), cause);
    this.request = request;
  }

  /**
   * The request whose exchange failed.
   *
   * @return the request
   */
  public Request request() {
    return request;
  }
}
