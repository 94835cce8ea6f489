package dev.registryclient.core.auth;

import static dev.registryclient.core.auth.KitPulls.get;
import static dev.registryclient.core.auth.KitPulls.manifest;
import static dev.registryclient.core.auth.KitPulls.password;
import static dev.registryclient.core.auth.KitPulls.transport;
import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.core.testing.MutableClock;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens with the shortest lifetime the spec allows (60 s). Both clocks are moved instead of
 * sleeping: the kit's decides when it stops accepting a token, the transport's when it asks anew.
 */
class TokenExpiryAgainstTestKitTest {
  private final MutableClock clock = new MutableClock();
  private TestRegistry registry;
  private PushedImage image;
  private Transport transport;

  @BeforeEach
  void start() {
    registry =
        TestRegistry.builder()
            .tokenAuth("alice", "open-sesame")
            .tokenLifetime(Duration.ofSeconds(60))
            .start();
    image = registry.image("team/app").layer(256).push("v1");
    registry.journal().clear();
    transport =
        transport(password("alice", "open-sesame"))
            .clock(clock)
            .tokenRefreshMargin(Duration.ofSeconds(10))
            .build();
  }

  @AfterEach
  void stop() {
    transport.close();
    registry.close();
  }

  private int pull() throws Exception {
    return get(transport, manifest(registry, image)).status();
  }

  private void advanceBoth(Duration amount) {
    clock.advance(amount);
    registry.advanceClock(amount);
  }

  @Test
  void aTokenIsReusedWhileFreshAndReplacedShortlyBeforeItExpires() throws Exception {
    assertThat(pull()).isEqualTo(200);
    advanceBoth(Duration.ofSeconds(45));
    assertThat(pull()).isEqualTo(200);
    assertThat(registry.journal().token()).hasSize(1);

    advanceBoth(Duration.ofSeconds(6)); // 51 s of 60: inside the refresh margin
    assertThat(pull()).isEqualTo(200);

    assertThat(registry.journal().token()).hasSize(2);
    assertThat(registry.journal().registry())
        .noneMatch(r -> r.status() == 401 && r.path().contains("/manifests/"));
  }

  @Test
  void aTokenTheRegistryNoLongerAcceptsIsReplacedAfterItsInvalidTokenAnswer() throws Exception {
    assertThat(pull()).isEqualTo(200);
    registry.advanceClock(Duration.ofSeconds(61)); // the transport still thinks the token is good

    assertThat(pull()).isEqualTo(200);

    assertThat(registry.journal().token()).hasSize(2);
    assertThat(registry.journal().matching("GET", "/v2/team/app/manifests/v1"))
        .extracting(RecordedRequest::status)
        .containsExactly(200, 401, 200);
  }
}
