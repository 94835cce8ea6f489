package dev.registryclient.core.transport;

import java.io.Closeable;

/**
 * How the operation a request belongs to (a push, a copy) stops its exchanges in flight: while the
 * request is on the wire, the engine hands over a handle that aborts it. Ending the operation
 * closes the handle, which closes the connection, so a thread blocked in a socket <em>write</em> (a
 * registry that stopped reading an upload) wakes at once instead of when a timeout fires.
 *
 * <pre>{@code
 * Request patch = Request.builder(location).method("PATCH").body(chunk)
 *     .cancellation(scope::register) // the transfer's scope closes what it tracks when it ends
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface Cancellation {

  /**
   * Tracks an exchange until the returned handle is closed.
   *
   * @param abort closing it aborts the exchange and closes its connection
   * @return a handle whose closing stops the tracking (the exchange ended on its own)
   * @throws RuntimeException what ended the operation, if it already ended; {@code abort} is then
   *     closed before anything is sent
   */
  Closeable track(Closeable abort);
}
