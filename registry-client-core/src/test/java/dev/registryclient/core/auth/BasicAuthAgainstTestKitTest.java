package dev.registryclient.core.auth;

import static dev.registryclient.core.auth.KitPulls.get;
import static dev.registryclient.core.auth.KitPulls.manifest;
import static dev.registryclient.core.auth.KitPulls.password;
import static dev.registryclient.core.auth.KitPulls.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A registry that wants HTTP Basic on every request, as a plain {@code docker-registry} does. */
class BasicAuthAgainstTestKitTest {
  private TestRegistry registry;
  private PushedImage image;

  @BeforeEach
  void start() {
    registry = TestRegistry.builder().basicAuth("alice", "open-sesame").start();
    image = registry.image("team/app").layer(512).push("v1");
    registry.journal().clear();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void theRightPasswordIsSentAsBasicToTheRegistryAndThePullSucceeds() throws Exception {
    try (Transport t = transport(password("alice", "open-sesame")).build()) {
      KitPulls.Fetched manifest = get(t, manifest(registry, image));

      assertThat(manifest.status()).isEqualTo(200);
      assertThat(manifest.body()).isEqualTo(image.manifest());
    }
    assertThat(registry.journal().token()).isEmpty();
    assertThat(registry.journal().matching("GET", "/v2/team/app/manifests/v1"))
        .singleElement()
        .satisfies(r -> assertThat(r.header("Authorization")).contains("Basic <redacted>"));
  }

  @Test
  void aWrongPasswordFailsWithAnAuthenticationExceptionNamingTheHostButNotThePassword() {
    try (Transport t = transport(password("alice", "wrong-guess-42")).build()) {
      AuthenticationException e =
          catchThrowableOfType(
              AuthenticationException.class, () -> get(t, manifest(registry, image)));

      assertThat(e).isNotNull();
      assertThat(e.statusCode()).isEqualTo(401);
      assertThat(e.registry()).contains(registry.hostAndPort());
      assertThat(e.getMessage())
          .contains(registry.hostAndPort())
          .doesNotContain("wrong-guess-42")
          .doesNotContain("open-sesame");
    }
  }

  @Test
  void withoutCredentialsTheFailureSaysNoneAreConfiguredForTheHost() {
    try (Transport t = transport(Credentials.anonymous()).build()) {
      AuthenticationException e =
          catchThrowableOfType(
              AuthenticationException.class, () -> get(t, manifest(registry, image)));

      assertThat(e).isNotNull();
      assertThat(e.getMessage()).contains(registry.hostAndPort()).contains("no credentials");
    }
    assertThat(registry.journal().all()).noneMatch(RecordedRequest::hasAuthorization);
  }
}
