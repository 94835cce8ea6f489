package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.testkit.internal.Json;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtTokensTest {

  @Test
  void jwtTokensCarryTheGrantedAccessAndStillAuthorizeRequests() {
    try (TestRegistry registry =
        TestRegistry.builder()
            .tokenAuth()
            .user("alice", "secret")
            .grant("alice", "team/*", "pull")
            .jwtTokens()
            .start()) {
      registry.image("team/app").layer(10).push("v1");
      HttpResponse<byte[]> tokenResponse =
          Http.get(
              registry.tokenRealm() + "?service=test-registry&scope=repository:team/app:pull,push",
              "Authorization",
              Http.basic("alice", "secret"));
      String token = (String) Http.json(tokenResponse).get("token");

      Map<String, Object> claims =
          Json.parseObject(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
      assertThat(claims)
          .containsEntry("sub", "alice")
          .containsEntry("aud", "test-registry")
          .containsEntry("iss", "test-registry-token-issuer");
      assertThat(claims.get("access"))
          .isEqualTo(
              List.of(
                  Map.of("type", "repository", "name", "team/app", "actions", List.of("pull"))));
      assertThat(
              Http.get(
                      registry.url() + "/v2/team/app/manifests/v1",
                      "Authorization",
                      "Bearer " + token)
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void withoutTheOptionTokensAreOpaque() {
    try (TestRegistry registry = TestRegistry.builder().tokenAuth("alice", "secret").start()) {
      String token =
          (String)
              Http.json(
                      Http.get(
                          registry.tokenRealm() + "?service=test-registry",
                          "Authorization",
                          Http.basic("alice", "secret")))
                  .get("token");
      assertThat(token).doesNotContain(".");
    }
  }
}
