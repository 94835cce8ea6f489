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

  /** The request handed to this interceptor. */
  Request request();

  /** Sends a request through the interceptors after this one and the engine. */
  Response proceed(Request request) throws IOException;
}
