package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenAuthTest {
  TestRegistry registry;

  @BeforeEach
  void start() {
    registry =
        TestRegistry.builder()
            .tokenAuth()
            .user("alice", "secret")
            .grant("alice", "team/*", "pull", "push")
            .user("bob", "hunter2")
            .grant("bob", "team/app", "pull")
            .publicRepository("library/*")
            .tokenLifetime(Duration.ofSeconds(30))
            .start();
    registry.image("team/app").layer(10).push("v1");
    registry.image("library/alpine").layer(10).push("v1");
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private String manifestUrl(String repo) {
    return registry.url() + "/v2/" + repo + "/manifests/v1";
  }

  private String tokenUrl(String scope) {
    return registry.tokenRealm() + "?service=test-registry&scope=" + scope;
  }

  private static String token(HttpResponse<byte[]> r) {
    assertThat(r.statusCode()).isEqualTo(200);
    return (String) Http.json(r).get("token");
  }

  private static byte[] form(String form) {
    return form.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void unauthenticatedRequestsGetABearerChallengeWithRealmServiceAndScope() {
    HttpResponse<byte[]> r = Http.get(manifestUrl("team/app"));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate"))
        .hasValue(
            "Bearer realm=\""
                + registry.tokenRealm()
                + "\",service=\"test-registry\",scope=\"repository:team/app:pull\"");
    assertThat(Http.errorCode(r)).isEqualTo("UNAUTHORIZED");
    HttpResponse<byte[]> ping = Http.get(registry.url() + "/v2/");
    assertThat(ping.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"" + registry.tokenRealm() + "\",service=\"test-registry\"");
  }

  @Test
  void anonymousTokensPullPublicRepositoriesOnly() {
    String publicToken = token(Http.get(tokenUrl("repository:library/alpine:pull")));
    assertThat(
            Http.get(manifestUrl("library/alpine"), "Authorization", "Bearer " + publicToken)
                .statusCode())
        .isEqualTo(200);
    String privateToken = token(Http.get(tokenUrl("repository:team/app:pull")));
    HttpResponse<byte[]> denied =
        Http.get(manifestUrl("team/app"), "Authorization", "Bearer " + privateToken);
    assertThat(denied.statusCode()).isEqualTo(401);
    assertThat(denied.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).contains("error=\"insufficient_scope\""));
  }

  @Test
  void basicCredentialsOnTheTokenGetGrantTheUsersActionsOnly() {
    HttpResponse<byte[]> r =
        Http.get(
            tokenUrl("repository:team/app:pull,push"),
            "Authorization",
            Http.basic("bob", "hunter2"));
    assertThat(Http.json(r)).containsEntry("scope", "repository:team/app:pull");
    String token = token(r);
    assertThat(Http.get(manifestUrl("team/app"), "Authorization", "Bearer " + token).statusCode())
        .isEqualTo(200);
    HttpResponse<byte[]> push =
        Http.post(
            registry.url() + "/v2/team/app/blobs/uploads/",
            new byte[0],
            "Authorization",
            "Bearer " + token);
    assertThat(push.statusCode()).isEqualTo(401);
    assertThat(push.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(
            h ->
                assertThat(h)
                    .contains("scope=\"repository:team/app:pull,push\"")
                    .contains("error=\"insufficient_scope\""));
  }

  @Test
  void wrongPasswordsAreRefusedByTheTokenEndpoint() {
    HttpResponse<byte[]> r =
        Http.get(tokenUrl("repository:team/app:pull"), "Authorization", Http.basic("bob", "nope"));
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void oauthPasswordGrantWithOfflineAccessReturnsARefreshTokenThatWorks() {
    HttpResponse<byte[]> r =
        Http.post(
            registry.tokenRealm().toString(),
            form(
                "grant_type=password&username=alice&password=secret&service=test-registry"
                    + "&scope=repository%3Ateam%2Fapp%3Apull&client_id=test&access_type=offline"),
            "Content-Type",
            "application/x-www-form-urlencoded");
    assertThat(r.statusCode()).isEqualTo(200);
    Map<String, Object> body = Http.json(r);
    assertThat(body).containsKeys("access_token", "refresh_token", "expires_in", "issued_at");
    assertThat(body.get("expires_in")).isEqualTo(30L);

    HttpResponse<byte[]> refreshed =
        Http.post(
            registry.tokenRealm().toString(),
            form(
                "grant_type=refresh_token&refresh_token="
                    + body.get("refresh_token")
                    + "&service=test-registry&scope=repository%3Ateam%2Fapp%3Apull&client_id=test"),
            "Content-Type",
            "application/x-www-form-urlencoded");
    String token = (String) Http.json(refreshed).get("access_token");
    assertThat(Http.get(manifestUrl("team/app"), "Authorization", "Bearer " + token).statusCode())
        .isEqualTo(200);
  }

  @Test
  void oauthWithoutOfflineAccessReturnsNoRefreshTokenAndBadGrantsFail() {
    HttpResponse<byte[]> r =
        Http.post(
            registry.tokenRealm().toString(),
            form("grant_type=password&username=alice&password=secret&client_id=test"));
    assertThat(Http.json(r)).doesNotContainKey("refresh_token");
    HttpResponse<byte[]> bad =
        Http.post(
            registry.tokenRealm().toString(),
            form("grant_type=refresh_token&refresh_token=x&client_id=t"));
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(Http.json(bad)).containsEntry("error", "invalid_grant");
  }

  @Test
  void getWithOfflineTokenReturnsARefreshToken() {
    HttpResponse<byte[]> r =
        Http.get(
            tokenUrl("repository:team/app:pull") + "&offline_token=true&client_id=x",
            "Authorization",
            Http.basic("alice", "secret"));
    assertThat(Http.json(r)).containsKey("refresh_token");
  }

  @Test
  void tokensExpireWhenTheRegistryClockPassesTheirLifetime() {
    String token =
        token(
            Http.get(
                tokenUrl("repository:team/app:pull"),
                "Authorization",
                Http.basic("alice", "secret")));
    assertThat(Http.get(manifestUrl("team/app"), "Authorization", "Bearer " + token).statusCode())
        .isEqualTo(200);
    registry.advanceClock(Duration.ofSeconds(31));
    HttpResponse<byte[]> expired =
        Http.get(manifestUrl("team/app"), "Authorization", "Bearer " + token);
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).contains("error=\"invalid_token\""));
  }

  @Test
  void tokenRequestsAreJournaledAsTokenRequests() {
    Http.get(tokenUrl("repository:team/app:pull"), "Authorization", Http.basic("alice", "secret"));
    assertThat(registry.journal().token())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path()).isEqualTo("/token");
              assertThat(r.header("Authorization")).hasValue("Basic <redacted>");
            });
  }

  @Test
  void theSwitchMakesPostAnswer404SoClientsFallBackToGet() {
    try (TestRegistry noPost =
        TestRegistry.builder().tokenAuth("u", "p").tokenPostAnswers404().start()) {
      assertThat(
              Http.post(
                      noPost.tokenRealm().toString(),
                      form("grant_type=password&username=u&password=p&client_id=x"))
                  .statusCode())
          .isEqualTo(404);
      assertThat(
              Http.get(noPost.tokenRealm().toString(), "Authorization", Http.basic("u", "p"))
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void theRealmCanLiveOnItsOwnPort() {
    try (TestRegistry separate =
        TestRegistry.builder().tokenAuth("u", "p").tokenRealmOnOwnPort().start()) {
      assertThat(separate.tokenRealm().getPort()).isNotEqualTo(separate.url().getPort());
      assertThat(
              Http.get(separate.tokenRealm().toString(), "Authorization", Http.basic("u", "p"))
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void basicAuthModeChallengesWithBasicAndDeniesOtherUsers() {
    try (TestRegistry basic =
        TestRegistry.builder().basicAuth("admin", "pw").user("guest", "g").start()) {
      basic.image("x/y").layer(1).push("v1");
      String url = basic.url() + "/v2/x/y/manifests/v1";
      HttpResponse<byte[]> anonymous = Http.get(url);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
          .hasValue("Basic realm=\"test-registry\"");
      assertThat(Http.get(url, "Authorization", Http.basic("admin", "pw")).statusCode())
          .isEqualTo(200);
      HttpResponse<byte[]> guest = Http.get(url, "Authorization", Http.basic("guest", "g"));
      assertThat(guest.statusCode()).isEqualTo(403);
      assertThat(Http.errorCode(guest)).isEqualTo("DENIED");
    }
  }
}
