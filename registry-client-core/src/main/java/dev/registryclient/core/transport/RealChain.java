package dev.registryclient.core.transport;

import java.io.IOException;
import java.util.List;

/**
 * The chain handed to interceptor {@code index}. Immutable; each {@link #proceed} builds the chain
 * for the next interceptor and checks the calling interceptor kept the contract.
 */
final class RealChain implements Chain {
  private final List<Interceptor> interceptors;
  private final int index;
  private final Request request;
  private Response lastResponse;
  private int calls;

  private final Transport transport;

  RealChain(Transport transport, List<Interceptor> interceptors, int index, Request request) {
    this.transport = transport;
    this.interceptors = interceptors;
    this.index = index;
    this.request = request;
  }

  @Override
  public Transport transport() {
    return transport;
  }

  @Override
  public Request request() {
    return request;
  }

  @Override
  public Response proceed(Request next) throws IOException {
    if (index + 1 >= interceptors.size()) {
      throw new IllegalStateException(
          name(index) + " is the last interceptor (the engine) and must not call proceed()");
    }
    Interceptor caller = index >= 0 ? interceptors.get(index) : null;
    calls++;
    if (calls > 1 && caller != null && !caller.followsUp()) {
      throw new IllegalStateException(
          name(index) + " must call proceed() exactly once (declare followsUp() to send more)");
    }
    if (lastResponse != null && !lastResponse.isClosed()) {
      throw new IllegalStateException(
          name(index) + " must close the previous response before calling proceed() again");
    }
    RealChain nextChain = new RealChain(transport, interceptors, index + 1, next);
    Interceptor nextInterceptor = interceptors.get(index + 1);
    Response response = nextInterceptor.intercept(nextChain);
    if (response == null) {
      throw new IllegalStateException(name(index + 1) + " returned no response");
    }
    lastResponse = response;
    return response;
  }

  private String name(int i) {
    return i < 0 ? "the transport" : "interceptor " + interceptors.get(i).getClass().getName();
  }
}
