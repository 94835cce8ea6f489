package dev.registryclient.core.transport;

import java.io.IOException;

/**
 * One concern of the transport (user agent, retries, redirects, auth, the HTTP engine), in the
 * style of OkHttp: it looks at {@link Chain#request()}, usually calls {@link Chain#proceed} and
 * returns or replaces the response.
 *
 * <pre>{@code
 * Interceptor requestId = chain -> chain.proceed(
 *     chain.request().newBuilder().setHeader("X-Request-Id", UUID.randomUUID().toString()).build());
 * }</pre>
 *
 * <p>The chain checks the contract: an interceptor calls {@code proceed} once, unless it declares
 * {@link #followsUp()} (retry, redirect, auth); then it may call again, but only after closing the
 * previous response, so no pooled connection leaks.
 */
@FunctionalInterface
public interface Interceptor {

  /**
   * Handles one request, usually by calling {@code chain.proceed}.
   *
   * @param chain the request and the rest of the chain
   * @return the response
   * @throws IOException if sending fails
   */
  Response intercept(Chain chain) throws IOException;

  /**
   * Whether this interceptor may send follow-up requests (it calls {@code proceed} repeatedly).
   *
   * @return whether it may call {@code proceed} more than once; {@code false} by default
   */
  default boolean followsUp() {
    return false;
  }
}
