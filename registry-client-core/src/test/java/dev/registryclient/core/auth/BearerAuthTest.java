package dev.registryclient.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.api.exception.AuthorizationException;
import dev.registryclient.core.TransportBuilder;
import dev.registryclient.core.testing.StubServer.Recorded;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.RequestBody;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BearerAuthTest {
  private TokenRegistryFixture fx;

  @BeforeEach
  void start() throws Exception {
    fx = new TokenRegistryFixture();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private Transport transport(Credentials credentials, boolean passwordGrant) {
    CredentialProvider provider = (host, repo) -> Optional.of(credentials);
    return TransportBuilder.create()
        .credentials(provider)
        .preferOAuth2PasswordGrant(passwordGrant)
        .build();
  }

  private int get(Transport t) throws Exception {
    try (Response r = t.execute(Request.get(fx.registry.uri("/v2/app/manifests/1")))) {
      r.body().readAllBytes();
      return r.status();
    }
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anonymousPullFetchesAnAnonymousTokenForTheRepositoryScope() throws Exception {
    try (Transport t = transport(Credentials.anonymous(), false)) {
      assertThat(get(t)).isEqualTo(200);
    }
    Recorded token = fx.tokenRequests().get(0);
    assertThat(token.method()).isEqualTo("GET");
    assertThat(token.header("Authorization")).isEmpty();
    Map<String, List<String>> params = TokenRegistryFixture.params(token.query());
    assertThat(params.get("scope")).containsExactly("repository:app:pull");
    assertThat(params.get("service")).containsExactly("test-registry");
    assertThat(fx.registry.requests("/v2/app/").get(0).header("Authorization"))
        .contains("Bearer tok-1");
    assertThat(fx.registry.requests("/v2/"))
        .allSatisfy(r -> assertThat(r.header("User-Agent")).isPresent());
  }

  @Test
  void tokenGetCarriesBasicCredentials() throws Exception {
    fx.requiredBasic = basic("alice", "s3cret");
    try (Transport t =
        transport(Credentials.usernamePassword("alice", Secret.of("s3cret")), false)) {
      assertThat(get(t)).isEqualTo(200);
    }
    assertThat(fx.tokenRequests())
        .singleElement()
        .satisfies(r -> assertThat(r.header("Authorization")).contains(basic("alice", "s3cret")));
  }

  @Test
  void wrongPasswordGivesAuthenticationExceptionNamingTheHostButNotThePassword() {
    fx.requiredBasic = basic("alice", "right");
    try (Transport t =
        transport(Credentials.usernamePassword("alice", Secret.of("wrong-pw")), false)) {
      assertThatThrownBy(() -> get(t))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining(fx.registry.base().getAuthority())
          .hasMessageContaining(fx.auth.base().getAuthority())
          .hasMessageNotContaining("wrong-pw");
    }
  }

  @Test
  void identityTokenIsExchangedWithAnOAuth2RefreshTokenPost() throws Exception {
    try (Transport t =
        transport(Credentials.identityToken(Optional.empty(), Secret.of("refresh-me")), false)) {
      assertThat(get(t)).isEqualTo(200);
    }
    Recorded post = fx.tokenRequests().get(0);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.header("Content-Type").orElseThrow())
        .startsWith("application/x-www-form-urlencoded");
    Map<String, List<String>> form = TokenRegistryFixture.params(post.body());
    assertThat(form.get("grant_type")).containsExactly("refresh_token");
    assertThat(form.get("refresh_token")).containsExactly("refresh-me");
    assertThat(form.get("client_id")).containsExactly("registry-client");
    assertThat(form.get("access_type")).containsExactly("offline");
    assertThat(form.get("scope")).containsExactly("repository:app:pull");
  }

  @Test
  void passwordGrantPostAnswering404FallsBackToBasicGet() throws Exception {
    fx.postSupported = false;
    fx.requiredBasic = basic("bob", "pw");
    try (Transport t = transport(Credentials.usernamePassword("bob", Secret.of("pw")), true)) {
      assertThat(get(t)).isEqualTo(200);
    }
    assertThat(fx.tokenRequests()).extracting(Recorded::method).containsExactly("POST", "GET");
    assertThat(TokenRegistryFixture.params(fx.tokenRequests().get(0).body()).get("grant_type"))
        .containsExactly("password");
  }

  @Test
  void invalidTokenIsDroppedAndAskedForAgainOnce() throws Exception {
    try (Transport t = transport(Credentials.anonymous(), false)) {
      assertThat(get(t)).isEqualTo(200);
      fx.revoked.add("tok-1");
      assertThat(get(t)).isEqualTo(200);
    }
    assertThat(fx.issued.get()).isEqualTo(2);
    assertThat(fx.registry.requests("/v2/app/"))
        .extracting(r -> r.header("Authorization").orElse(""))
        .containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-2");
  }

  @Test
  void insufficientScopeAsksOnceForTheWiderScope() throws Exception {
    fx.extraChallengeScope = "repository:base:pull";
    try (Transport t = transport(Credentials.anonymous(), false)) {
      assertThat(get(t)).isEqualTo(200);
    }
    assertThat(fx.tokenRequests()).hasSize(2);
    assertThat(TokenRegistryFixture.params(fx.tokenRequests().get(1).query()).get("scope"))
        .containsExactly("repository:app:pull", "repository:base:pull");
  }

  @Test
  void insufficientScopeThatCannotBeWidenedGivesAuthorizationExceptionNamingScopeAndHost() {
    fx.allowedActions = List.of("pull");
    Request put =
        Request.builder(fx.registry.uri("/v2/app/manifests/1"))
            .method("PUT")
            .body(
                RequestBody.of(
                    "{}".getBytes(StandardCharsets.UTF_8),
                    "application/vnd.oci.image.manifest.v1+json"))
            .build();
    try (Transport t = transport(Credentials.usernamePassword("bob", Secret.of("pw")), false)) {
      assertThatThrownBy(() -> t.execute(put).close())
          .isInstanceOf(AuthorizationException.class)
          .hasMessageContaining(fx.registry.base().getAuthority())
          .hasMessageContaining("app")
          .hasMessageContaining("lack pull,push access to app")
          .hasMessageContaining("repository:app:pull,push")
          .hasMessageContaining("UNAUTHORIZED");
    }
    assertThat(fx.tokenRequests()).hasSize(1);
  }

  @Test
  void pingIsSentOncePerRegistry() throws Exception {
    try (Transport t = transport(Credentials.anonymous(), false)) {
      get(t);
      get(t);
    }
    assertThat(fx.registry.journal()).filteredOn(r -> r.path().equals("/v2/")).hasSize(1);
    assertThat(fx.issued.get()).isEqualTo(1);
  }
}
