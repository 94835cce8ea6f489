package dev.registryclient.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistrySettingsTest {

  @Test
  void loopbackRegistriesUsePlainHttpByDefault() {
    RegistrySettings s = RegistrySettings.defaults();
    assertThat(s.scheme("localhost:5000")).isEqualTo("http");
    assertThat(s.scheme("127.0.0.1")).isEqualTo("http");
    assertThat(s.scheme("127.1.2.3:8080")).isEqualTo("http");
    assertThat(s.scheme("[::1]:5000")).isEqualTo("http");
  }

  @Test
  void everythingElseUsesHttpsByDefault() {
    RegistrySettings s = RegistrySettings.defaults();
    assertThat(s.scheme("ghcr.io")).isEqualTo("https");
    assertThat(s.scheme("127.0.0.1.example.com")).isEqualTo("https");
    assertThat(s.scheme("localhost.evil.example")).isEqualTo("https");
    assertThat(s.scheme("127.0.0.256")).isEqualTo("https");
    assertThat(s.scheme("10.0.0.1:5000")).isEqualTo("https");
  }

  @Test
  void anExplicitChoiceWinsOverTheLoopbackRule() {
    assertThat(RegistrySettings.defaults().withPlainHttp(false).scheme("localhost"))
        .isEqualTo("https");
    assertThat(RegistrySettings.defaults().withPlainHttp(true).scheme("r.example"))
        .isEqualTo("http");
  }

  @Test
  void insecureTlsMakesALoopbackRegistrySpeakHttpsUnlessPlainHttpIsChosen() {
    RegistrySettings insecure = RegistrySettings.defaults().withInsecureTls(true);
    assertThat(insecure.scheme("127.0.0.1:5000")).isEqualTo("https");
    assertThat(insecure.withPlainHttp(true).scheme("127.0.0.1:5000")).isEqualTo("http");
  }

  @Test
  void retriesAreKeptByTheOtherWithers() {
    RegistrySettings s =
        RegistrySettings.defaults()
            .withRetries(3, Duration.ofSeconds(20))
            .withPlainHttp(true)
            .withInsecureTls(false)
            .withConnectTimeout(Duration.ofSeconds(1))
            .withReadTimeout(Duration.ofSeconds(2));
    assertThat(s.retries()).contains(Retries.of(3, Duration.ofSeconds(20)));
    assertThat(RegistrySettings.defaults().retries()).isEmpty();
  }

  @Test
  void retriesOutsideTheirRangeAreRejectedNamingTheValue() {
    assertThatThrownBy(() -> RegistrySettings.defaults().withRetries(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
    assertThatThrownBy(() -> Retries.of(101, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("101");
    assertThatThrownBy(() -> Retries.of(3, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxTotal");
    assertThatThrownBy(() -> Retries.none().withFirstBackoff(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("firstBackoff");
  }

  @Test
  void nonPositiveTimeoutsAreRejected() {
    assertThatThrownBy(() -> RegistrySettings.defaults().withConnectTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connect timeout");
    assertThatThrownBy(() -> RegistrySettings.defaults().withReadTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("read timeout");
  }
}
