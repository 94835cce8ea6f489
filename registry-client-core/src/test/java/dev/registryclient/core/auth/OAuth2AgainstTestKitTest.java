package dev.registryclient.core.auth;

import static dev.registryclient.core.auth.KitPulls.get;
import static dev.registryclient.core.auth.KitPulls.identityTokenFor;
import static dev.registryclient.core.auth.KitPulls.manifest;
import static dev.registryclient.core.auth.KitPulls.password;
import static dev.registryclient.core.auth.KitPulls.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.core.testing.MutableClock;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The OAuth2 flow: identity tokens exchanged by {@code POST grant_type=refresh_token}, the password
 * grant, and the fallback to {@code GET} when the token server answers the POST with 404. The kit
 * only answers a refresh-token POST with 200 if it issued that refresh token itself, so a 200
 * proves the identity token went out in the form.
 */
class OAuth2AgainstTestKitTest {
  private final MutableClock clock = new MutableClock();

  private static TestRegistry.Builder kit() {
    return TestRegistry.builder()
        .tokenAuth("alice", "open-sesame")
        .tokenLifetime(Duration.ofSeconds(60));
  }

  private static Credentials identityToken(String token) {
    return Credentials.identityToken(Optional.of("alice"), Secret.of(token));
  }

  @Test
  void anIdentityTokenIsExchangedByAnOAuth2PostAndAgainOnceTheTokenExpired() throws Exception {
    try (TestRegistry registry = kit().start()) {
      PushedImage image = registry.image("team/app").layer(256).push("v1");
      String identity = identityTokenFor(registry, "alice", "open-sesame");
      registry.journal().clear();

      try (Transport t = transport(identityToken(identity)).clock(clock).build()) {
        assertThat(get(t, manifest(registry, image)).body()).isEqualTo(image.manifest());
        assertThat(get(t, manifest(registry, image)).status()).isEqualTo(200);
        assertThat(registry.journal().token()).hasSize(1);

        clock.advance(Duration.ofSeconds(61));
        registry.advanceClock(Duration.ofSeconds(61));
        assertThat(get(t, manifest(registry, image)).status()).isEqualTo(200);
      }
      assertThat(registry.journal().token())
          .hasSize(2)
          .allSatisfy(
              r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.hasAuthorization()).isFalse();
              });
      KitPulls.assertJournalHides(registry.journal(), identity, "open-sesame");
    }
  }

  @Test
  void anUnknownIdentityTokenFailsWithAnAuthenticationExceptionThatDoesNotShowIt() {
    try (TestRegistry registry = kit().start();
        Transport t = transport(identityToken("not-issued-by-this-kit")).build()) {
      PushedImage image = registry.image("team/app").layer(256).push("v1");

      AuthenticationException e =
          catchThrowableOfType(
              AuthenticationException.class, () -> get(t, manifest(registry, image)));

      assertThat(e).isNotNull();
      assertThat(e.registry()).contains(registry.hostAndPort());
      assertThat(e.getMessage())
          .contains(registry.hostAndPort())
          .doesNotContain("not-issued-by-this-kit");
      assertThat(registry.journal().token())
          .singleElement()
          .satisfies(r -> assertThat(r.method()).isEqualTo("POST"));
    }
  }

  @Test
  void thePasswordGrantIsAPostWhenPreferred() throws Exception {
    try (TestRegistry registry = kit().start();
        Transport t =
            transport(password("alice", "open-sesame")).preferOAuth2PasswordGrant(true).build()) {
      PushedImage image = registry.image("team/app").layer(256).push("v1");

      assertThat(get(t, manifest(registry, image)).body()).isEqualTo(image.manifest());

      assertThat(registry.journal().token())
          .extracting(RecordedRequest::method, RecordedRequest::status)
          .containsExactly(Tuple.tuple("POST", 200));
    }
  }

  @Test
  void aPostAnswered404FallsBackToAGetWithBasicCredentials() throws Exception {
    try (TestRegistry registry = kit().tokenPostAnswers404().start();
        Transport t =
            transport(password("alice", "open-sesame")).preferOAuth2PasswordGrant(true).build()) {
      PushedImage image = registry.image("team/app").layer(256).push("v1");

      assertThat(get(t, manifest(registry, image)).body()).isEqualTo(image.manifest());

      var token = registry.journal().token();
      assertThat(token).extracting(RecordedRequest::method).containsExactly("POST", "GET");
      assertThat(token).extracting(RecordedRequest::status).containsExactly(404, 200);
      assertThat(token.get(1).header("Authorization")).contains("Basic <redacted>");
      assertThat(token.get(1).target()).contains("scope=repository%3Ateam%2Fapp%3Apull");
    }
  }
}
