package dev.registryclient.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RealChainTest {
  private final AtomicInteger sent = new AtomicInteger();
  private final Interceptor engine =
      chain -> {
        sent.incrementAndGet();
        return Response.of(chain.request(), 200, Headers.empty());
      };
  private final Request request = Request.get(URI.create("https://r.example/v2/app/manifests/1"));

  private Response run(Interceptor... interceptors) {
    List<Interceptor> all = new java.util.ArrayList<>(List.of(interceptors));
    all.add(engine);
    return new InterceptingTransport(all, () -> {}).execute(request);
  }

  @Test
  void interceptorsRunInOrderAndSeeEachOthersChanges() {
    Interceptor first = c -> c.proceed(c.request().newBuilder().header("X-Order", "1").build());
    Interceptor second = c -> c.proceed(c.request().newBuilder().header("X-Order", "2").build());
    Response r = run(first, second);
    assertThat(r.request().headers().all("X-Order")).containsExactly("1", "2");
  }

  @Test
  void interceptorCallingProceedTwiceIsRefusedByName() {
    Interceptor twice =
        c -> {
          c.proceed(c.request()).close();
          return c.proceed(c.request());
        };
    assertThatThrownBy(() -> run(twice))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(twice.getClass().getName())
        .hasMessageContaining("exactly once");
    assertThat(sent.get()).isEqualTo(1);
  }

  @Test
  void followUpInterceptorMustCloseThePreviousResponseFirst() {
    Interceptor leaky =
        new Interceptor() {
          @Override
          public Response intercept(Chain c) throws java.io.IOException {
            c.proceed(c.request());
            return c.proceed(c.request());
          }

          @Override
          public boolean followsUp() {
            return true;
          }
        };
    assertThatThrownBy(() -> run(leaky))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("close the previous response");
  }

  @Test
  void followUpInterceptorMayProceedAgainAfterClosing() {
    Interceptor retry =
        new Interceptor() {
          @Override
          public Response intercept(Chain c) throws java.io.IOException {
            c.proceed(c.request()).close();
            return c.proceed(c.request());
          }

          @Override
          public boolean followsUp() {
            return true;
          }
        };
    assertThat(run(retry).status()).isEqualTo(200);
    assertThat(sent.get()).isEqualTo(2);
  }

  @Test
  void engineMustNotCallProceed() {
    Interceptor badEngine = c -> c.proceed(c.request());
    assertThatThrownBy(
            () -> new InterceptingTransport(List.of(badEngine), () -> {}).execute(request))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must not call proceed");
  }
}
