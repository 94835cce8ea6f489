package dev.registryclient.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.exception.RedirectException;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.core.testing.FakeSleeper;
import dev.registryclient.core.testing.TestTransports;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.RequestMatcher;
import dev.registryclient.testkit.TestRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CdnRedirectTest {
  // the registry's own blob GETs (its 302s), not the CDN downloads they lead to
  private static final RequestMatcher REGISTRY_BLOB_GETS =
      RequestMatcher.any().method("GET").onBlobs().at(RecordedRequest.Origin.REGISTRY);

  private final FakeSleeper sleeper = new FakeSleeper();
  private final List<RetryEvent> events = new CopyOnWriteArrayList<>();
  private final HostLedger ledger = new HostLedger();

  private static TestRegistry.Builder cdnRegistry() {
    return TestRegistry.builder().tokenAuth("alice", "secret").cdnRedirects(Duration.ofMinutes(5));
  }

  private Transport transport() {
    return TestTransports.quick(sleeper)
        .credentials(
            (host, repo) -> Optional.of(Credentials.usernamePassword("alice", Secret.of("secret"))))
        .retryListener(events::add)
        .hostLedger(ledger)
        .build();
  }

  private static Request blobGet(TestRegistry registry, PushedBlob blob) {
    return Request.get(registry.url().resolve("/v2/app/blobs/" + blob.digest()));
  }

  @Test
  void aBlobRedirectedToTheCdnArrivesWithoutAnyAuthorizationSentToTheCdn() throws Exception {
    try (TestRegistry registry = cdnRegistry().start();
        Transport transport = transport()) {
      PushedBlob blob = registry.pushRandomBlob("app", 10_000, "application/octet-stream");
      try (Response r = transport.execute(blobGet(registry, blob))) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.uri().getHost()).isEqualTo(registry.cdnUrl().orElseThrow().getHost());
        assertThat(r.request().registry().hostAndPort()).isEqualTo(registry.hostAndPort());
        assertThat(r.body().readAllBytes()).hasSize(10_000);
      }
      assertThat(registry.journal().cdn()).hasSize(1).noneMatch(RecordedRequest::hasAuthorization);
      assertThat(registry.journal().matching(REGISTRY_BLOB_GETS))
          .singleElement()
          .matches(RecordedRequest::hasAuthorization);
      assertThat(ledger.visits())
          .anyMatch(v -> v.redirected() && v.host().equals(Origin.of(registry.cdnUrl().get())));
    }
  }

  @Test
  void aSignedUrlTheCdnRefusesIsNotRetriedButReplacedByAFreshOneFromTheRegistry() throws Exception {
    try (TestRegistry registry =
            cdnRegistry()
                .faults(Fault.status(403).at(RecordedRequest.Origin.CDN).times(1))
                .start();
        Transport transport = transport()) {
      PushedBlob blob = registry.pushRandomBlob("app", 5_000, "application/octet-stream");
      try (Response r = transport.execute(blobGet(registry, blob))) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().readAllBytes()).hasSize(5_000);
      }
      List<RecordedRequest> cdn = registry.journal().cdn();
      assertThat(cdn).extracting(RecordedRequest::status).containsExactly(403, 200);
      assertThat(registry.journal().matching(REGISTRY_BLOB_GETS)).hasSize(2);
      assertThat(events)
          .singleElement()
          .extracting(RetryEvent::kind)
          .isEqualTo(RetryEvent.Kind.REFRESH_URL);
    }
  }

  @Test
  void aRedirectLoopStopsAfterTenHops() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder().faults(Fault.redirectLoop().on("/manifests/")).start();
        Transport transport = transport()) {
      Request get = Request.get(registry.url().resolve("/v2/app/manifests/1"));
      assertThatThrownBy(() -> transport.execute(get))
          .isInstanceOf(RedirectException.class)
          .hasMessageContaining("stopped after 10 redirects")
          .hasMessageContaining("/__loop/a -> ");
      assertThat(registry.journal().filter(r -> !r.path().equals("/v2/"))).hasSize(11);
    }
  }

  @Test
  void aRelativeLocationIsResolvedAgainstTheUrlThatAnswered() throws Exception {
    try (TestRegistry registry =
            TestRegistry.builder()
                .faults(Fault.redirectTo("../../app/tags/list").on("/manifests/"))
                .start();
        Transport transport = transport()) {
      registry.image("other/app").layer(10).push("1");
      try (Response r =
          transport.execute(Request.get(registry.url().resolve("/v2/other/x/manifests/1")))) {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.uri().getPath()).isEqualTo("/v2/other/app/tags/list");
      }
    }
  }

  @Test
  void aRefusedCdnHostGivesTheFirewallMessageNamingBothHosts() throws Exception {
    try (TestRegistry registry = cdnRegistry().faults(Fault.cdnRefused().always()).start();
        Transport transport = transport()) {
      PushedBlob blob = registry.pushRandomBlob("app", 1_000, "application/octet-stream");
      assertThatThrownBy(() -> transport.execute(blobGet(registry, blob)))
          .isInstanceOfSatisfying(
              TransportException.class,
              e -> {
                assertThat(e.getMessage())
                    .containsPattern("connect to 127\\.0\\.0\\.\\d:\\d+ refused")
                    .contains("(redirected from " + registry.hostAndPort() + ")")
                    .contains("while fetching blob " + blob.digest())
                    .contains("The registry serves blobs from this host")
                    .contains("firewall");
                assertThat(e.registry()).contains(registry.hostAndPort());
                assertThat(e.contactedHost()).isNotEqualTo(e.registry());
              });
    }
  }

  @Test
  void aBlackHoledCdnHostTimesOutWithTheFirewallMessage() throws Exception {
    try (TestRegistry registry = cdnRegistry().faults(Fault.cdnConnectTimeout().always()).start();
        Transport transport =
            TestTransports.quick(sleeper)
                .connectTimeout(Duration.ofMillis(300))
                .credentials(
                    (host, repo) ->
                        Optional.of(Credentials.usernamePassword("alice", Secret.of("secret"))))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).jitter(0).build())
                .build()) {
      PushedBlob blob = registry.pushRandomBlob("app", 1_000, "application/octet-stream");
      assertThatThrownBy(() -> transport.execute(blobGet(registry, blob)))
          .isInstanceOf(TransportException.class)
          .hasMessageContaining("timed out (redirected from " + registry.hostAndPort() + ")")
          .hasMessageContaining("allow it through your firewall");
    }
  }
}
