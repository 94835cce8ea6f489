package dev.registryclient.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void waitsDoubleUpToTheCap() {
    RetryPolicy p =
        RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(500))
            .maxBackoff(Duration.ofSeconds(3))
            .jitter(0)
            .build();
    assertThat(p.delayAfter(1, Optional.empty(), 0.5)).isEqualTo(Duration.ofMillis(500));
    assertThat(p.delayAfter(2, Optional.empty(), 0.5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.delayAfter(3, Optional.empty(), 0.5)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.delayAfter(4, Optional.empty(), 0.5)).isEqualTo(Duration.ofSeconds(3));
    assertThat(p.delayAfter(60, Optional.empty(), 0.5)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void jitterSpreadsTheWaitBothWays() {
    RetryPolicy p = RetryPolicy.builder().initialBackoff(Duration.ofSeconds(1)).jitter(0.2).build();
    assertThat(p.delayAfter(1, Optional.empty(), 0.0)).isEqualTo(Duration.ofMillis(800));
    assertThat(p.delayAfter(1, Optional.empty(), 0.999999))
        .isBetween(Duration.ofMillis(1199), Duration.ofMillis(1200));
  }

  @Test
  void aServersRetryAfterReplacesTheComputedWait() {
    assertThat(RetryPolicy.defaults().delayAfter(1, Optional.of(Duration.ofSeconds(7)), 0.3))
        .isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void defaultsMatchTheDocumentation() {
    RetryPolicy d = RetryPolicy.defaults();
    assertThat(d.maxAttempts()).isEqualTo(5);
    assertThat(d.retryableStatuses()).containsExactlyInAnyOrder(408, 429, 500, 502, 503, 504);
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
  }

  @Test
  void invalidSettingsAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> RetryPolicy.builder().deadline(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
