package dev.registryclient.core.auth;

import static dev.registryclient.core.auth.KitPulls.get;
import static dev.registryclient.core.auth.KitPulls.manifest;
import static dev.registryclient.core.auth.KitPulls.password;
import static dev.registryclient.core.auth.KitPulls.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.api.exception.AuthorizationException;
import dev.registryclient.core.TransportBuilder;
import dev.registryclient.core.testing.FakeSleeper;
import dev.registryclient.core.testing.TestTransports;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bearer token auth with the Docker token flow ({@code GET} on the realm). */
class TokenAuthAgainstTestKitTest {
  private TestRegistry registry;
  private PushedImage publicImage;
  private PushedImage privateImage;

  @BeforeEach
  void start() {
    registry =
        TestRegistry.builder()
            .tokenAuth("alice", "open-sesame")
            .user("bob", "hunter2")
            .grant("bob", "team/tools", "pull")
            .publicRepository("library/*")
            .start();
    publicImage = registry.image("library/busybox").layer(256).push("1.36");
    privateImage = registry.image("team/app").layer(512).push("v1");
    registry.journal().clear();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void anAnonymousPullOfAPublicRepositoryUsesAnAnonymousTokenForItsPullScope() throws Exception {
    try (Transport t = transport(Credentials.anonymous()).build()) {
      KitPulls.Fetched manifest = get(t, manifest(registry, publicImage));

      assertThat(manifest.status()).isEqualTo(200);
      assertThat(manifest.body()).isEqualTo(publicImage.manifest());
    }
    assertThat(registry.journal().token())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("GET");
              assertThat(r.hasAuthorization()).isFalse();
              assertThat(r.target())
                  .contains("service=test-registry")
                  .contains("scope=repository%3Alibrary%2Fbusybox%3Apull");
            });
  }

  @Test
  void aTokenGetCarriesBasicCredentialsAndTheRegistryGetsTheBearerToken() throws Exception {
    try (Transport t = transport(password("alice", "open-sesame")).build()) {
      KitPulls.Fetched manifest = get(t, manifest(registry, privateImage));

      assertThat(manifest.status()).isEqualTo(200);
      assertThat(manifest.body()).isEqualTo(privateImage.manifest());
    }
    assertThat(registry.journal().token())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.method()).isEqualTo("GET");
              assertThat(r.header("Authorization")).contains("Basic <redacted>");
              assertThat(r.target()).contains("scope=repository%3Ateam%2Fapp%3Apull");
            });
    assertThat(registry.journal().matching("GET", "/v2/team/app/manifests/v1"))
        .singleElement()
        .satisfies(r -> assertThat(r.header("Authorization")).contains("Bearer <redacted>"));
  }

  @Test
  void jwtTokensAreSentBackAsOpaqueStrings() throws Exception {
    try (TestRegistry jwt = TestRegistry.builder().tokenAuth("alice", "pw").jwtTokens().start();
        Transport t = transport(password("alice", "pw")).build()) {
      PushedImage image = jwt.image("team/app").layer(128).push("v1");

      assertThat(get(t, manifest(jwt, image)).body()).isEqualTo(image.manifest());
    }
  }

  @Test
  void aWrongPasswordFailsWithAnAuthenticationExceptionNamingTheHostButNotThePassword() {
    try (Transport t = transport(password("alice", "wrong-guess-42")).build()) {
      AuthenticationException e =
          catchThrowableOfType(
              AuthenticationException.class, () -> get(t, manifest(registry, privateImage)));

      assertThat(e).isNotNull();
      assertThat(e.statusCode()).isEqualTo(401);
      assertThat(e.registry()).contains(registry.hostAndPort());
      assertThat(e.repository()).contains("team/app");
      assertThat(e.getMessage())
          .contains(registry.hostAndPort())
          .doesNotContain("wrong-guess-42")
          .doesNotContain("open-sesame");
    }
    assertThat(registry.journal().token()).extracting(RecordedRequest::status).containsExactly(401);
  }

  @Test
  void aUserWithoutAGrantGetsAnAuthorizationExceptionNamingHostRepositoryAndScope() {
    try (Transport t = transport(password("bob", "hunter2")).build()) {
      AuthorizationException e =
          catchThrowableOfType(
              AuthorizationException.class, () -> get(t, manifest(registry, privateImage)));

      assertThat(e).isNotNull();
      assertThat(e.registry()).contains(registry.hostAndPort());
      assertThat(e.repository()).contains("team/app");
      assertThat(e.getMessage())
          .contains(registry.hostAndPort())
          .contains("team/app")
          .contains(
              "the credentials for " + registry.hostAndPort() + " lack pull access to team/app")
          .contains("repository:team/app:pull")
          .contains("insufficient_scope")
          .doesNotContain("hunter2");
    }
    assertThat(registry.journal().matching("GET", "/v2/team/app/manifests/v1"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(401));
  }

  @Test
  void anAnonymousPullOfAPrivateRepositoryIsAnAuthenticationExceptionSayingCredentialsRequired() {
    // the kit, like distribution, gives anonymous clients a token without the scope and then
    // answers 401 insufficient_scope: no credentials configured means "log in", not "you may not"
    TransportBuilder anonymous = transport(Credentials.anonymous());
    TransportBuilder emptyProvider =
        TestTransports.quick(new FakeSleeper()).credentials((host, repo) -> Optional.empty());
    for (TransportBuilder builder : List.of(anonymous, emptyProvider)) {
      try (Transport t = builder.build()) {
        AuthenticationException e =
            catchThrowableOfType(
                AuthenticationException.class, () -> get(t, manifest(registry, privateImage)));

        assertThat(e).isNotNull();
        assertThat(e.statusCode()).isEqualTo(401);
        assertThat(e.repository()).contains("team/app");
        assertThat(e.detail())
            .startsWith(
                "credentials required: no credentials are configured for "
                    + registry.hostAndPort()
                    + ", and it refuses anonymous pull access to team/app");
      }
    }
  }
}
