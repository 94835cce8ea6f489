package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistrySettings;
import dev.registryclient.api.client.Retries;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RegistryServiceException;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.TestRegistry;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClientRetriesTest {
  private static final String TAGS = "/v2/team/app/tags/list";

  private static RegistryClient client(TestRegistry registry, Retries retries) {
    return RegistryClient.builder()
        .registry(registry.hostAndPort(), RegistrySettings.defaults().withRetries(retries))
        .build();
  }

  private static Retries quick(int attempts) {
    return Retries.of(attempts, Duration.ofSeconds(30)).withFirstBackoff(Duration.ofMillis(5));
  }

  private static ImageReference repository(TestRegistry registry) {
    return ImageReference.parse(registry.hostAndPort() + "/team/app");
  }

  private static int tagRequests(TestRegistry registry) {
    return registry.journal().matching("GET", TAGS + ".*").size();
  }

  @Test
  void twoAnswers503AreRetriedAwayWithinThreeAttempts() {
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.status(503).on(TAGS).times(2)).start();
        RegistryClient client = client(registry, quick(3))) {
      registry.image("team/app").layer(64).push("1.0");

      try (Stream<String> tags = client.tags(repository(registry))) {
        assertThat(tags).containsExactly("1.0");
      }
      assertThat(tagRequests(registry)).isEqualTo(3);
    }
  }

  @Test
  void exhaustedAttemptsSurfaceTheLast503AsAServiceErrorNamingRegistryAndPhase() {
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.status(503).on(TAGS).always()).start();
        RegistryClient client = client(registry, quick(2))) {
      RegistryServiceException e =
          catchThrowableOfType(
              RegistryServiceException.class, () -> client.tags(repository(registry)).toList());

      assertThat(e.statusCode()).isEqualTo(503);
      assertThat(e.registry()).contains(registry.hostAndPort());
      assertThat(e.phase()).isEqualTo(Phase.TAGS);
      assertThat(tagRequests(registry)).isEqualTo(2);
    }
  }

  @Test
  void noRetriesSendsEachRequestOnce() {
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.status(503).on(TAGS).times(1)).start();
        RegistryClient client = client(registry, Retries.none())) {
      RegistryServiceException e =
          catchThrowableOfType(
              RegistryServiceException.class, () -> client.tags(repository(registry)).toList());

      assertThat(e.statusCode()).isEqualTo(503);
      assertThat(tagRequests(registry)).isEqualTo(1);
    }
  }
}
