package dev.registryclient.core.transport.http5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.core.transport.Origin;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UnreachableHostsTest {
  private static final Duration NORMAL = Duration.ofSeconds(10);
  private final AtomicLong now = new AtomicLong(5_000_000_000L);
  private final UnreachableHosts hosts = new UnreachableHosts(now::get);
  private final Origin cdn = Origin.of("https", "cdn01.example", 443);
  private final Origin registry = Origin.of("https", "registry.example", 443);

  @Test
  void aHostNeverSeenGetsTheNormalTimeout() {
    assertThat(hosts.connectTimeout(cdn, NORMAL)).isEqualTo(NORMAL);
  }

  @Test
  void afterAConnectTimeoutTheSameHostOnlyGetsAShortProbe() {
    hosts.connectTimedOut(cdn);

    assertThat(hosts.connectTimeout(cdn, NORMAL)).isEqualTo(UnreachableHosts.PROBE_TIMEOUT);
    assertThat(hosts.connectTimeout(registry, NORMAL)).as("other hosts").isEqualTo(NORMAL);
    assertThat(hosts.connectTimeout(cdn, Duration.ofMillis(300)))
        .as("never longer than the normal timeout")
        .isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void anAnswerFromTheHostForgetsTheTimeout() {
    hosts.connectTimedOut(cdn);
    hosts.answered(cdn);

    assertThat(hosts.connectTimeout(cdn, NORMAL)).isEqualTo(NORMAL);
  }

  @Test
  void aTimeoutIsForgottenAfterAMinute() {
    hosts.connectTimedOut(cdn);
    now.addAndGet(UnreachableHosts.MEMORY.toNanos() + 1);

    assertThat(hosts.connectTimeout(cdn, NORMAL)).isEqualTo(NORMAL);
  }

  @Test
  void theSameHostOnAnotherPortOrSchemeIsAnotherHost() {
    hosts.connectTimedOut(cdn);

    assertThat(hosts.connectTimeout(Origin.of("https", "cdn01.example", 8443), NORMAL))
        .isEqualTo(NORMAL);
    assertThat(hosts.connectTimeout(Origin.of("http", "cdn01.example", 443), NORMAL))
        .isEqualTo(NORMAL);
  }
}
