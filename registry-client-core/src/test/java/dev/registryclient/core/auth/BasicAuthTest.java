package dev.registryclient.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.core.TransportBuilder;
import dev.registryclient.core.testing.StubServer;
import dev.registryclient.core.testing.StubServer.Reply;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BasicAuthTest {
  private static final String GOOD =
      "Basic " + Base64.getEncoder().encodeToString("carol:pw".getBytes(StandardCharsets.UTF_8));
  private StubServer registry;
  private StubServer cdn;

  @BeforeEach
  void start() throws Exception {
    registry = StubServer.start();
    cdn = StubServer.start();
    registry.route(
        "/v2/",
        r ->
            GOOD.equals(r.header("Authorization").orElse(""))
                ? Reply.of(200, "ok")
                : Reply.of(
                    401,
                    "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}",
                    "WWW-Authenticate",
                    "Basic realm=\"Registry Realm\""));
    cdn.route("/", r -> Reply.of(200, "blob"));
  }

  @AfterEach
  void stop() {
    registry.close();
    cdn.close();
  }

  private Transport transport(String password) {
    return TransportBuilder.create()
        .credentials(
            (h, r) -> Optional.of(Credentials.usernamePassword("carol", Secret.of(password))))
        .build();
  }

  @Test
  void basicCredentialsGoToTheRegistryAfterItsChallenge() throws Exception {
    try (Transport t = transport("pw");
        Response r = t.execute(Request.get(registry.uri("/v2/app/manifests/1")))) {
      assertThat(r.status()).isEqualTo(200);
    }
    assertThat(registry.requests("/v2/app/").get(0).header("Authorization")).contains(GOOD);
  }

  @Test
  void wrongPasswordFailsAtOnceNamingTheHost() {
    try (Transport t = transport("nope")) {
      assertThatThrownBy(() -> t.execute(Request.get(registry.uri("/v2/app/manifests/1"))))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining(registry.base().getAuthority())
          .hasMessageNotContaining("nope");
    }
    assertThat(registry.requests("/v2/app/")).hasSize(1);
  }

  @Test
  void requestToAnotherOriginCarriesNoAuthorization() throws Exception {
    Request redirected =
        Request.builder(cdn.uri("/blobs/sha256-abc?sig=1"))
            .registry(Origin.of(registry.base()))
            .header("Authorization", "Bearer must-not-leak")
            .build();
    try (Transport t = transport("pw");
        Response r = t.execute(redirected)) {
      assertThat(r.status()).isEqualTo(200);
    }
    assertThat(cdn.journal())
        .singleElement()
        .satisfies(r -> assertThat(r.header("Authorization")).isEmpty());
    assertThat(registry.journal()).isEmpty();
  }
}
