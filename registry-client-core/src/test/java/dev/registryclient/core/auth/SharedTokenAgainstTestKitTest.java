package dev.registryclient.core.auth;

import static dev.registryclient.core.auth.KitPulls.get;
import static dev.registryclient.core.auth.KitPulls.manifest;
import static dev.registryclient.core.auth.KitPulls.password;
import static dev.registryclient.core.auth.KitPulls.transport;
import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.core.transport.Transport;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One transport used by many threads asks the token server once per scope set. */
class SharedTokenAgainstTestKitTest {
  private static final int THREADS = 8;

  @Test
  void eightThreadsPullingTheSameRepositoryShareOneTokenRequest() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (TestRegistry registry = TestRegistry.builder().tokenAuth("alice", "open-sesame").start();
        Transport t = transport(password("alice", "open-sesame")).build()) {
      PushedImage image = registry.image("team/app").layer(256).push("v1");
      registry.journal().clear();
      CountDownLatch go = new CountDownLatch(1);
      List<Future<byte[]>> pulls = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        pulls.add(
            pool.submit(
                () -> {
                  go.await();
                  return get(t, manifest(registry, image)).body();
                }));
      }
      go.countDown();
      for (Future<byte[]> pull : pulls) {
        assertThat(pull.get(10, TimeUnit.SECONDS)).isEqualTo(image.manifest());
      }

      assertThat(registry.journal().token()).hasSize(1);
      assertThat(registry.journal().matching("GET", "/v2/team/app/manifests/v1"))
          .hasSize(THREADS)
          .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    } finally {
      pool.shutdownNow();
    }
  }
}
