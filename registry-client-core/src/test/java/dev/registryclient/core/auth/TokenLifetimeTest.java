package dev.registryclient.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.core.TransportBuilder;
import dev.registryclient.core.testing.MutableClock;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenLifetimeTest {
  private TokenRegistryFixture fx;
  private final MutableClock clock = new MutableClock();

  @BeforeEach
  void start() throws Exception {
    fx = new TokenRegistryFixture();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private Transport transport() {
    return TransportBuilder.create()
        .credentials((h, r) -> Optional.of(Credentials.anonymous()))
        .clock(clock)
        .tokenRefreshMargin(Duration.ofSeconds(10))
        .build();
  }

  private int get(Transport t) throws Exception {
    try (Response r = t.execute(Request.get(fx.registry.uri("/v2/app/manifests/1")))) {
      r.body().readAllBytes();
      return r.status();
    }
  }

  @Test
  void tokenIsReusedUntilShortlyBeforeExpiryThenRefreshed() throws Exception {
    try (Transport t = transport()) {
      get(t);
      clock.advance(Duration.ofSeconds(49));
      get(t);
      assertThat(fx.issued.get()).isEqualTo(1);
      clock.advance(Duration.ofSeconds(2)); // 51 s of 60: inside the 10 s margin
      get(t);
      assertThat(fx.issued.get()).isEqualTo(2);
    }
  }

  @Test
  void concurrentCallersShareOneTokenRequest() throws Exception {
    fx.tokenDelayMillis = 300;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (Transport t = transport()) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return get(t);
                }));
      }
      go.countDown();
      for (Future<Integer> f : results) {
        assertThat(f.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fx.tokenRequests()).hasSize(1);
    assertThat(fx.registry.journal()).filteredOn(r -> r.path().equals("/v2/")).hasSize(1);
  }
}
