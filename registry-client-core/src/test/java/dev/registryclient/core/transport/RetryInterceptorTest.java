package dev.registryclient.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.exception.RateLimitedException;
import dev.registryclient.api.exception.RegistryServiceException;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.core.testing.FakeSleeper;
import dev.registryclient.core.testing.TestTransports;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RetryInterceptorTest {
  private final FakeSleeper sleeper = new FakeSleeper();
  private final List<RetryEvent> events = new CopyOnWriteArrayList<>();

  private Transport transport() {
    return TestTransports.quick(sleeper).retryListener(events::add).build();
  }

  private static URI manifestUri(TestRegistry registry, PushedImage image) {
    return registry.url().resolve("/v2/" + image.repository() + "/manifests/" + image.tag());
  }

  private static Request manifestGet(TestRegistry registry, PushedImage image) {
    return Request.builder(manifestUri(registry, image))
        .header("Accept", image.mediaType())
        .build();
  }

  @Test
  void serverErrorsAreRetriedWithGrowingWaitsUntilTheRegistryAnswers() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder()
                .faults(
                    Fault.status(503).on("/manifests/").times(2),
                    Fault.status(502).on("/manifests/").times(1))
                .start();
        Transport transport = transport()) {
      PushedImage image = registry.image("app").layer(100).push("1");
      try (Response r = transport.execute(manifestGet(registry, image))) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().readAllBytes()).isEqualTo(image.manifest());
      }
      assertThat(registry.journal().matching("GET", ".*/manifests/.*"))
          .extracting(RecordedRequest::status)
          .containsExactly(503, 503, 502, 200);
      assertThat(sleeper.waits())
          .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
      assertThat(events).extracting(RetryEvent::attempt).containsExactly(2, 3, 4);
      assertThat(events.get(0).toString())
          .isEqualTo(
              "(2/5) retrying manifest 1 from " + registry.hostAndPort() + " in 0.1 s: HTTP 503");
    }
  }

  @Test
  void retriesGiveUpAtTheBoundWithTheLastFailureAndTheEarlierOnesSuppressed() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.status(500).on("/manifests/").always()).start();
        Transport transport = transport()) {
      PushedImage image = registry.image("app").layer(100).push("1");
      assertThatThrownBy(() -> transport.execute(manifestGet(registry, image)))
          .isInstanceOfSatisfying(
              RegistryServiceException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(500);
                assertThat(e.hasErrorCode("UNKNOWN")).isTrue();
                assertThat(e.getSuppressed()).hasSize(4);
                assertThat(e.repository()).contains("app");
              });
      assertThat(registry.journal().matching("GET", ".*/manifests/.*")).hasSize(5);
    }
  }

  @Test
  void rateLimitingHonoursRetryAfterThenThrowsRateLimitedWithTheLastValue() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder()
                .faults(Fault.tooManyRequests(Duration.ofSeconds(3)).on("/manifests/").always())
                .start();
        Transport transport = transport()) {
      PushedImage image = registry.image("app").layer(100).push("1");
      assertThatThrownBy(() -> transport.execute(manifestGet(registry, image)))
          .isInstanceOfSatisfying(
              RateLimitedException.class,
              e -> {
                assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
                assertThat(e.statusCode()).isEqualTo(429);
              });
      assertThat(sleeper.waits()).hasSize(4).allMatch(d -> d.equals(Duration.ofSeconds(3)));
    }
  }

  @Test
  void aRetryAfterLongerThanTheLimitGivesUpAtOnce() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder()
                .faults(Fault.tooManyRequests(Duration.ofMinutes(10)).on("/manifests/").always())
                .start();
        Transport transport = transport()) {
      PushedImage image = registry.image("app").layer(100).push("1");
      assertThatThrownBy(() -> transport.execute(manifestGet(registry, image)))
          .isInstanceOf(RateLimitedException.class);
      assertThat(registry.journal().matching("GET", ".*/manifests/.*")).hasSize(1);
      assertThat(sleeper.waits()).isEmpty();
    }
  }

  @Test
  void theDeadlineStopsRetryingBeforeTheAttemptsRunOut() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.status(503).on("/manifests/").always()).start();
        Transport transport =
            TestTransports.quick(sleeper)
                .retryPolicy(
                    RetryPolicy.builder()
                        .maxAttempts(10)
                        .initialBackoff(Duration.ofSeconds(1))
                        .jitter(0)
                        .deadline(Duration.ofSeconds(5))
                        .build())
                .build()) {
      PushedImage image = registry.image("app").layer(100).push("1");
      assertThatThrownBy(() -> transport.execute(manifestGet(registry, image)))
          .isInstanceOf(RegistryServiceException.class);
      // waits 1 s, then 2 s; the next (4 s) would pass the 5 s deadline
      assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
  }

  @Test
  void aPingThatFailsWithAServerErrorIsRetriedToo() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder()
                .tokenAuth("alice", "secret")
                .publicRepository("*")
                .faults(Fault.status(503).on("^/v2/$").times(2))
                .start();
        Transport transport = transport()) {
      PushedImage image = registry.image("app").layer(100).push("1");
      try (Response r = transport.execute(manifestGet(registry, image))) {
        assertThat(r.status()).isEqualTo(200);
      }
      assertThat(registry.journal().matching("GET", "^/v2/$"))
          .extracting(RecordedRequest::status)
          .containsExactly(503, 503, 401);
    }
  }

  @Test
  void aPostIsNeverRetried() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.status(503).on("/blobs/uploads/")).start();
        Transport transport = transport()) {
      Request post =
          Request.builder(registry.url().resolve("/v2/app/blobs/uploads/"))
              .method("POST")
              .body(RequestBody.of("x".getBytes(StandardCharsets.UTF_8), "text/plain"))
              .build();
      try (Response r = transport.execute(post)) {
        assertThat(r.status()).isEqualTo(503);
      }
      assertThat(registry.journal().matching("POST", ".*/blobs/uploads/.*")).hasSize(1);
    }
  }

  @Test
  void aRefusingHostGetsThreeAttemptsNotTheWholeBudgetAndIsNamed() throws Exception {
    int deadPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      deadPort = s.getLocalPort();
    }
    try (Transport transport = transport()) {
      Request get = Request.get(URI.create("http://127.0.0.1:" + deadPort + "/v2/app/manifests/1"));
      assertThatThrownBy(() -> transport.execute(get))
          .isInstanceOfSatisfying(
              TransportException.class,
              e -> {
                assertThat(e.getMessage())
                    .contains("connect to 127.0.0.1:" + deadPort + " refused")
                    .contains("gave up after 3 attempts in ");
                assertThat(e.contactedHost()).contains("127.0.0.1:" + deadPort);
                assertThat(e.getSuppressed()).hasSize(2);
              });
      assertThat(events).hasSize(2).allMatch(ev -> ev.reason().equals("connection refused"));
    }
  }
}
