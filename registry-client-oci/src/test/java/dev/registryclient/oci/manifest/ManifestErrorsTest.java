package dev.registryclient.oci.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.api.exception.AuthorizationException;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RegistryServiceException;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.RegistryEndpoints;
import dev.registryclient.oci.testing.KitClients;
import dev.registryclient.oci.testing.StubRegistry;
import dev.registryclient.oci.testing.StubRegistry.Reply;
import dev.registryclient.testkit.TestRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestErrorsTest {

  @Test
  void unknownTagIsNotFoundNamingHostRepositoryAndPhase() {
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = KitClients.anonymous()) {
      registry.image("team/app").layer(10).push("v1");
      ManifestFetcher fetcher = ManifestFetcher.create(transport, KitClients.endpoints(registry));

      assertThatThrownBy(() -> fetcher.fetch("team/app", "v2"))
          .isInstanceOfSatisfying(
              NotFoundException.class,
              e -> {
                assertThat(e.hasErrorCode("MANIFEST_UNKNOWN")).isTrue();
                assertThat(e.detail())
                    .startsWith("manifest " + registry.hostAndPort() + "/team/app:v2 not found");
                assertThat(e.context().registry()).contains(registry.hostAndPort());
                assertThat(e.context().repository()).contains("team/app");
                assertThat(e.context().phase()).isEqualTo(Phase.MANIFEST);
              });
    }
  }

  @Test
  void unknownTagOnHeadIsNotFoundAlthoughHeadHasNoBody() {
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = KitClients.anonymous()) {
      registry.image("team/app").layer(10).push("v1");
      ManifestFetcher fetcher = ManifestFetcher.create(transport, KitClients.endpoints(registry));

      assertThatThrownBy(() -> fetcher.resolve("team/app", "v2"))
          .isInstanceOfSatisfying(
              NotFoundException.class,
              e ->
                  assertThat(e.detail())
                      .isEqualTo(
                          "manifest "
                              + registry.hostAndPort()
                              + "/team/app:v2 not found (HTTP 404)"));
      assertThat(registry.journal().matching("GET", ".*/manifests/.*")).isEmpty();
    }
  }

  @Test
  void userWithoutPullRightsIsDeniedNamingTheRegistry() {
    try (TestRegistry registry =
            TestRegistry.builder()
                .tokenAuth()
                .user("bob", "hunter2")
                .grant("bob", "team/other", "pull")
                .start();
        Transport transport = KitClients.as("bob", "hunter2")) {
      registry.image("team/app").layer(10).push("v1");
      ManifestFetcher fetcher = ManifestFetcher.create(transport, KitClients.endpoints(registry));

      assertThatThrownBy(() -> fetcher.fetch("team/app", "v1"))
          .isInstanceOfSatisfying(
              AuthorizationException.class,
              e -> {
                assertThat(e.context().registry()).contains(registry.hostAndPort());
                assertThat(e.context().phase()).isEqualTo(Phase.MANIFEST);
              })
          .hasMessageNotContaining("hunter2");
    }
  }

  @Test
  void anonymousPullOfAPrivateRepositoryAsksForCredentials() {
    try (TestRegistry registry = TestRegistry.builder().tokenAuth("alice", "secret").start();
        Transport transport = KitClients.anonymous()) {
      registry.image("team/app").layer(10).push("v1");
      ManifestFetcher fetcher = ManifestFetcher.create(transport, KitClients.endpoints(registry));

      // the token server hands out anonymous tokens without the scope: insufficient_scope, which
      // for a client without credentials means "log in", not "you may not"
      assertThatThrownBy(() -> fetcher.fetch("team/app", "v1"))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("credentials required")
          .hasMessageContaining("pull access to team/app");
    }
  }

  @Test
  void tokenAuthWithCredentialsFetchesThroughTheTransport() {
    try (TestRegistry registry = TestRegistry.builder().tokenAuth("alice", "secret").start();
        Transport transport = KitClients.as("alice", "secret")) {
      var pushed = registry.image("team/app").layer(10).push("v1");
      ManifestFetcher fetcher = ManifestFetcher.create(transport, KitClients.endpoints(registry));

      assertThat(fetcher.fetch("team/app", "v1").digest()).isEqualTo(pushed.digest());
      assertThat(registry.journal().token()).isNotEmpty();
    }
  }

  @Test
  void htmlErrorPagesAreLeftOutButTextBodiesAreQuoted() throws Exception {
    try (StubRegistry stub = StubRegistry.start();
        Transport transport = KitClients.anonymous()) {
      stub.on(
          "/v2/team/app/manifests/v1",
          new Reply(
              502,
              Map.of("Content-Type", "text/html"),
              "<html><body>Bad Gateway from the proxy</body></html>".getBytes(UTF_8)));
      stub.on(
          "/v2/team/app/manifests/v2",
          new Reply(404, Map.of("Content-Type", "text/plain"), "no such thing".getBytes(UTF_8)));
      ManifestFetcher fetcher = ManifestFetcher.create(transport, RegistryEndpoints.of(stub.url()));

      assertThatThrownBy(() -> fetcher.fetch("team/app", "v1"))
          .isInstanceOfSatisfying(
              RegistryServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(502))
          .hasMessageNotContaining("<html>")
          .hasMessageNotContaining("Bad Gateway from the proxy");
      assertThatThrownBy(() -> fetcher.fetch("team/app", "v2"))
          .isInstanceOf(NotFoundException.class)
          .hasMessageContaining("not found; registry said: no such thing");
    }
  }

  @Test
  void aFetcherNamingItsRegistryNamesItInErrorsAndKeepsTheApiHostAsContacted() {
    try (TestRegistry registry = TestRegistry.builder().start();
        Transport transport = KitClients.anonymous()) {
      ManifestFetcher fetcher =
          ManifestFetcher.create(transport, KitClients.endpoints(registry))
              .namingRegistry("registry.example");

      assertThatThrownBy(() -> fetcher.fetch("team/app", "v2"))
          .isInstanceOfSatisfying(
              NotFoundException.class,
              e -> {
                assertThat(e.detail())
                    .startsWith("manifest registry.example/team/app:v2 not found");
                assertThat(e.registry()).contains("registry.example");
                assertThat(e.contactedHost()).contains(registry.hostAndPort());
              });
    }
  }
}
