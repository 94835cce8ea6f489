package dev.registryclient.core.transport;

import dev.registryclient.api.exception.RegistryException;
import java.util.List;

/**
 * Sends requests to registries, with user agent, retries, redirects and authentication applied. One
 * per client; thread-safe; closing it closes its connection pool.
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
   * Sends a request and returns the response; the caller closes it. Redirects are followed for GET
   * and HEAD; any other status comes back as it is, except that an idempotent request still
   * answered with a retryable status (408, 429, 5xx) when the retries are spent throws.
   *
   * @param request the request to send
   * @return the response, open; the caller closes it
   * @throws dev.registryclient.api.exception.TransportException when no response came back (naming
   *     the host:port contacted, and the registry when it was reached through a redirect)
   * @throws dev.registryclient.api.exception.RateLimitedException when 429 outlasted the retries
   * @throws dev.registryclient.api.exception.RedirectException for a redirect loop or a refused
   *     downgrade to plain http
   * @throws RegistryException other subtypes when authentication fails for good or a retryable
   *     status outlasted the retries
   */
  Response execute(Request request);

  /**
   * A fresh retry budget under this transport's {@link RetryPolicy}, for an operation of several
   * requests (a blob download and its resumes): attach it to each with {@link
   * Request.Builder#retryBudget}. Retries are reported to {@code listener} and to the transport's
   * own listener.
   *
   * @param listener told about this operation's retries
   * @return a new budget
   */
  RetryBudget newRetryBudget(RetryListener listener);

  /**
   * A transport that runs each request through {@code interceptors} in order; the last one is the
   * engine that puts it on the wire and must not call {@code proceed}. Closing the transport closes
   * {@code resources} (the engine's connection pool). {@code TransportBuilder} composes the
   * standard chain; tests compose chains of their own.
   *
   * @param interceptors the chain, outermost first, the engine last
   * @param resources closed with the transport
   * @return the transport
   */
  static Transport of(List<Interceptor> interceptors, AutoCloseable resources) {
    return new InterceptingTransport(interceptors, resources);
  }

  /** Closes the connection pool; responses still open are aborted. */
  @Override
  void close();
}
