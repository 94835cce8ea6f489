package dev.registryclient.core.transport;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/** The {@link Transport} built by {@code TransportBuilder}: runs a request through the chain. */
final class InterceptingTransport implements Transport {
  private final List<Interceptor> interceptors;
  private final Function<RetryListener, RetryBudget> budgets;
  private final AutoCloseable resources;

  /**
   * A transport over {@code interceptors}; budgets come from its {@link RetryInterceptor}, or allow
   * one attempt when the chain has none.
   */
  InterceptingTransport(List<Interceptor> interceptors, AutoCloseable resources) {
    this.interceptors = List.copyOf(interceptors);
    this.budgets =
        interceptors.stream()
            .filter(RetryInterceptor.class::isInstance)
            .map(RetryInterceptor.class::cast)
            .findFirst()
            .<Function<RetryListener, RetryBudget>>map(r -> r::newBudget)
            .orElse(listener -> RetryPolicy.none().newBudget(Sleeper.system(), listener));
    this.resources = resources;
  }

  @Override
  public RetryBudget newRetryBudget(RetryListener listener) {
    return budgets.apply(listener);
  }

  @Override
  public Response execute(Request request) {
    try {
      return new RealChain(this, interceptors, -1, request).proceed(request);
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
