package dev.registryclient.core.testing;

import dev.registryclient.core.TransportBuilder;
import dev.registryclient.core.transport.RetryPolicy;
import java.time.Duration;

/** Transport builders with short timeouts and exact (jitter-free) retries for loopback tests. */
public final class TestTransports {
  private TestTransports() {}

  /** 5 attempts, 100 ms doubling, no jitter, 1 s connect, 2 s response and idle read. */
  public static TransportBuilder quick(FakeSleeper sleeper) {
    return TransportBuilder.create()
        .connectTimeout(Duration.ofSeconds(1))
        .responseTimeout(Duration.ofSeconds(2))
        .idleReadTimeout(Duration.ofSeconds(2))
        .sleeper(sleeper)
        .retryPolicy(
            RetryPolicy.builder().initialBackoff(Duration.ofMillis(100)).jitter(0).build());
  }
}
