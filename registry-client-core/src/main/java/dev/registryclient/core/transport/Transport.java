package dev.registryclient.core.transport;

import dev.registryclient.api.exception.RegistryException;

/**
 * Sends requests to registries, with user agent, authentication and (later) retries and redirects
 * applied. One per client; thread-safe; closing it closes its connection pool.
 *
 * <pre>{@code
 * try (Transport transport = TransportBuilder.create().credentials(provider).build();
 *     Response r = transport.execute(Request.get(URI.create("https://ghcr.io/v2/")))) {
 *   System.out.println(r.status());
 * }
 * }</pre>
 */
public interface Transport extends AutoCloseable {

  /**
   * Sends a request and returns the response, whatever its status; the caller closes it.
   *
   * @throws dev.registryclient.api.exception.TransportException when no response came back (naming
   *     the host:port contacted)
   * @throws RegistryException subtypes when authentication fails for good
   */
  Response execute(Request request);

  /** Closes the connection pool; responses still open are aborted. */
  @Override
  void close();
}
