package dev.registryclient.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.api.exception.AuthorizationException;
import dev.registryclient.api.exception.RegistryServiceException;
import dev.registryclient.core.TransportBuilder;
import dev.registryclient.core.testing.StubServer.Reply;
import dev.registryclient.core.transport.ErrorMapper;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shapes in which registries refuse an anonymous client (Quay and Docker Hub answer 401 on the
 * manifest, some answer 403, some token servers refuse anonymous tokens): each is an {@link
 * AuthenticationException} "credentials required", so a tool can tell "log in" from "you may not".
 */
class AnonymousRefusalTest {
  private static final String DENIED =
      "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"requested access to the resource is"
          + " denied\"}]}";
  private TokenRegistryFixture fx;

  @BeforeEach
  void start() throws Exception {
    fx = new TokenRegistryFixture();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private RegistryServiceException failure(Credentials credentials, String path) {
    try (Transport t =
        TransportBuilder.create().credentials((host, repo) -> Optional.of(credentials)).build()) {
      return catchThrowableOfType(
          RegistryServiceException.class,
          () -> {
            Response r = t.execute(Request.get(fx.registry.uri(path)));
            if (!r.isSuccessful()) {
              throw ErrorMapper.fromResponse(r); // as callers do
            }
            r.close();
          });
    }
  }

  @Test
  void a401ThatStaysAfterAFreshAnonymousTokenSaysCredentialsRequired() {
    fx.revoked.add("tok-1"); // Quay-style: the anonymous token is refused, again and again
    fx.revoked.add("tok-2");

    RegistryServiceException e = failure(Credentials.anonymous(), "/v2/app/manifests/1");

    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.detail())
        .startsWith(
            "credentials required: no credentials are configured for "
                + fx.registry.base().getAuthority()
                + ", and it refuses anonymous pull access to app");
  }

  @Test
  void a403ToAnAnonymousClientOfAnAuthenticatingRegistrySaysCredentialsRequired() {
    fx.registry.route("/v2/app/manifests/private", r -> Reply.of(403, DENIED));

    RegistryServiceException anonymous =
        failure(Credentials.anonymous(), "/v2/app/manifests/private");
    RegistryServiceException withCredentials =
        failure(Credentials.usernamePassword("bob", Secret.of("pw")), "/v2/app/manifests/private");

    assertThat(anonymous).isInstanceOf(AuthenticationException.class);
    assertThat(anonymous.detail()).startsWith("credentials required");
    assertThat(withCredentials).isInstanceOf(AuthorizationException.class);
  }

  @Test
  void aTokenServerRefusingAnonymousTokensSaysCredentialsRequired() {
    fx.auth.route("/token", r -> Reply.of(401, "{\"details\":\"anonymous access is disabled\"}"));

    RegistryServiceException e = failure(Credentials.anonymous(), "/v2/app/manifests/1");

    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.detail())
        .startsWith("credentials required: no credentials are configured for ")
        .contains("anonymous access is disabled");
  }
}
