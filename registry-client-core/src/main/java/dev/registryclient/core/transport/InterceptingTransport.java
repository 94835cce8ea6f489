package dev.registryclient.core.transport;

import java.io.IOException;
import java.util.List;

/** The {@link Transport} built by {@link TransportBuilder}: runs a request through the chain. */
final class InterceptingTransport implements Transport {
  private final List<Interceptor> interceptors;
  private final AutoCloseable resources;

  InterceptingTransport(List<Interceptor> interceptors, AutoCloseable resources) {
    this.interceptors = List.copyOf(interceptors);
    this.resources = resources;
  }

  @Override
  public Response execute(Request request) {
    try {
      return new RealChain(interceptors, -1, request).proceed(request);
    } catch (IOException e) {
      throw TransportFailure.of(request, e);
    }
  }

  @Override
  public void close() {
    try {
      resources.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the transport failed", e);
    }
  }
}
