package dev.registryclient.core.transport;

import java.io.IOException;

/**
 * The rest of the transport as seen by one {@link Interceptor}.
 *
 * <pre>{@code
 * Response intercept(Chain chain) throws IOException {
 *   return chain.proceed(chain.request().newBuilder().setHeader("User-Agent", ua).build());
 * }
 * }</pre>
 */
public interface Chain {

  /**
   * The request handed to this interceptor.
   *
   * @return the request
   */
  Request request();

  /**
   * Sends a request through the interceptors after this one and the engine.
   *
   * @param request the request to send, usually {@link #request()} or a changed copy
   * @return the response
   * @throws IOException if sending fails
   */
  Response proceed(Request request) throws IOException;

  /**
   * The whole transport, for a request an interceptor makes of its own (the auth layer's ping and
   * token requests): it starts again at the top of the chain, so it gets the user agent, retries,
   * redirects and the host ledger like any other request. Its failures come back as exceptions that
   * are final: the retry layer above this interceptor does not send the original request again
   * because of them.
   *
   * @return the transport
   */
  Transport transport();
}
