package dev.registryclient.core.auth;

import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import java.io.IOException;

/** Sends one request below the auth layer (in the chain: {@code chain::proceed}). */
@FunctionalInterface
public interface Exchange {

  /** Sends the request; the caller closes the response. */
  Response send(Request request) throws IOException;
}
