package dev.registryclient.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemePolicyTest {
  private final SchemePolicy schemes = SchemePolicy.of(Set.of("Registry.Lab:5000", "mirror.lab"));

  @Test
  void loopbackHostsUsePlainHttpAutomatically() {
    assertThat(schemes.originOf("localhost:5000")).isEqualTo(Origin.of("http", "localhost", 5000));
    assertThat(schemes.originOf("127.0.0.1:5000").isPlainHttp()).isTrue();
    assertThat(schemes.originOf("[::1]:5000").isPlainHttp()).isTrue();
  }

  @Test
  void otherHostsUsePlainHttpOnlyWhenListed() {
    assertThat(schemes.originOf("registry.lab:5000"))
        .isEqualTo(Origin.of("http", "registry.lab", 5000));
    assertThat(schemes.originOf("mirror.lab:8080").isPlainHttp()).isTrue();
    assertThat(schemes.originOf("registry.lab:6000").isPlainHttp()).isFalse();
    assertThat(schemes.originOf("ghcr.io")).isEqualTo(Origin.of("https", "ghcr.io", 443));
  }
}
