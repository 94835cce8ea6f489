package dev.registryclient.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.core.testing.FakeSleeper;
import dev.registryclient.core.testing.StubServer;
import dev.registryclient.core.testing.StubServer.Recorded;
import dev.registryclient.core.testing.StubServer.Reply;
import dev.registryclient.core.testing.TestTransports;
import dev.registryclient.core.transport.HostLedger;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The auth layer's own requests (the ping and the token request) take the whole chain: they carry
 * the user agent, follow redirects, are retried, and show up in the host ledger.
 */
class SideRequestsTest {
  private static final String UA = "side-requests-test/1.0";
  private static final String TOKEN = "{\"token\":\"t0k3n\",\"expires_in\":300}";

  private final FakeSleeper sleeper = new FakeSleeper();
  private final HostLedger ledger = new HostLedger();

  private Transport transport(Optional<Credentials> credentials) {
    return TestTransports.quick(sleeper)
        .userAgent(UA)
        .hostLedger(ledger)
        .credentials((host, repository) -> credentials)
        .build();
  }

  /** A registry whose manifests need {@code Bearer t0k3n} from the realm {@code tokens}. */
  private static void bearerRegistry(StubServer registry, String realm) {
    registry.route(
        "/v2/",
        r -> {
          if (r.path().equals("/v2/")) {
            return challenge(realm);
          }
          return r.header("Authorization").filter("Bearer t0k3n"::equals).isPresent()
              ? Reply.of(200, "{}", "Content-Type", "application/json")
              : challenge(realm);
        });
  }

  private static Reply challenge(String realm) {
    return Reply.of(
        401,
        "",
        "WWW-Authenticate",
        "Bearer realm=\"" + realm + "\",service=\"stub\",scope=\"repository:app:pull\"");
  }

  private static int get(Transport transport, StubServer registry) throws Exception {
    try (Response r = transport.execute(Request.get(registry.uri("/v2/app/manifests/1")))) {
      r.body().readAllBytes();
      return r.status();
    }
  }

  @Test
  void aTokenRealmThatAnswers307IsFollowedOnItsOwnOriginWithTheCredentials() throws Exception {
    try (StubServer registry = StubServer.start();
        StubServer tokens = StubServer.start();
        Transport transport =
            transport(Optional.of(Credentials.usernamePassword("alice", Secret.of("pw"))))) {
      bearerRegistry(registry, tokens.uri("/auth").toString());
      tokens.route("/auth", r -> Reply.of(307, "", "Location", "/v1/token?" + r.query()));
      tokens.route("/v1/token", r -> Reply.of(200, TOKEN, "Content-Type", "application/json"));

      assertThat(get(transport, registry)).isEqualTo(200);

      Recorded moved = tokens.requests("/v1/token").get(0);
      assertThat(moved.query()).contains("scope=repository%3Aapp%3Apull");
      assertThat(moved.header("Authorization")).as("same origin: still Basic").isPresent();
    }
  }

  @Test
  void aTokenRealmRedirectToAnotherHostDoesNotTakeTheCredentialsAlong() throws Exception {
    try (StubServer registry = StubServer.start();
        StubServer tokens = StubServer.start();
        StubServer elsewhere = StubServer.start();
        Transport transport =
            transport(Optional.of(Credentials.usernamePassword("alice", Secret.of("pw"))))) {
      bearerRegistry(registry, tokens.uri("/auth").toString());
      tokens.route(
          "/auth", r -> Reply.of(307, "", "Location", elsewhere.uri("/token?" + r.query()) + ""));
      elsewhere.route("/token", r -> Reply.of(200, TOKEN, "Content-Type", "application/json"));

      assertThat(get(transport, registry)).isEqualTo(200);

      assertThat(tokens.requests("/auth").get(0).header("Authorization")).isPresent();
      assertThat(elsewhere.requests("/token").get(0).header("Authorization")).isEmpty();
    }
  }

  @Test
  void aPingBehindALoadBalancerThatRedirectsIsFollowed() throws Exception {
    try (StubServer registry = StubServer.start();
        StubServer tokens = StubServer.start();
        Transport transport = transport(Optional.empty())) {
      String realm = tokens.uri("/token").toString();
      registry.route(
          "/v2/",
          r -> {
            if (r.path().equals("/v2/")) {
              return Reply.of(308, "", "Location", "/v2"); // the balancer's idea of the API root
            }
            return r.header("Authorization").filter("Bearer t0k3n"::equals).isPresent()
                ? Reply.of(200, "{}")
                : challenge(realm);
          });
      registry.route("/v2", r -> challenge(realm)); // exactly /v2: the registry's own answer
      tokens.route("/token", r -> Reply.of(200, TOKEN, "Content-Type", "application/json"));

      assertThat(get(transport, registry)).isEqualTo(200);

      assertThat(registry.journal())
          .extracting(Recorded::path)
          .startsWith("/v2/", "/v2", "/v2/app/manifests/1");
    }
  }

  @Test
  void everyRequestCarriesTheUserAgentAndEveryHostIsInTheLedger() throws Exception {
    try (StubServer registry = StubServer.start();
        StubServer tokens = StubServer.start();
        Transport transport = transport(Optional.empty())) {
      bearerRegistry(registry, tokens.uri("/token").toString());
      tokens.route("/token", r -> Reply.of(200, TOKEN, "Content-Type", "application/json"));

      assertThat(get(transport, registry)).isEqualTo(200);

      List<Recorded> all = new java.util.ArrayList<>(registry.journal());
      all.addAll(tokens.journal());
      assertThat(all)
          .hasSizeGreaterThanOrEqualTo(3)
          .allSatisfy(r -> assertThat(r.header("User-Agent")).contains(UA));
      Origin tokenHost = Origin.of(tokens.base());
      assertThat(ledger.visits())
          .anySatisfy(
              v -> {
                assertThat(v.host()).isEqualTo(tokenHost);
                assertThat(v.phase()).isEqualTo(Phase.TOKEN);
              })
          .anySatisfy(v -> assertThat(v.phase()).isEqualTo(Phase.PING));
    }
  }

  @Test
  void aTokenServerAskingToRetryLaterIsRetriedAndTheRequestIsNotReplayed() throws Exception {
    AtomicInteger tokenCalls = new AtomicInteger();
    try (StubServer registry = StubServer.start();
        StubServer tokens = StubServer.start();
        Transport transport = transport(Optional.empty())) {
      bearerRegistry(registry, tokens.uri("/token").toString());
      tokens.route(
          "/token",
          r ->
              tokenCalls.incrementAndGet() == 1
                  ? Reply.of(503, "", "Retry-After", "2")
                  : Reply.of(200, TOKEN, "Content-Type", "application/json"));

      assertThat(get(transport, registry)).isEqualTo(200);

      assertThat(tokenCalls).hasValue(2);
      assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
      assertThat(registry.requests("/v2/app/manifests/"))
          .as("the token request was retried, not the manifest request around it")
          .hasSize(1);
    }
  }
}
