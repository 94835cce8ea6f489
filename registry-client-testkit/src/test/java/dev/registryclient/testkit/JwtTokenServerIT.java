package dev.registryclient.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.testkit.distribution.DistributionRegistry;
import dev.registryclient.testkit.distribution.SmallImages;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real docker-registry accepts the JWTs of the kit's token server, and only those. */
class JwtTokenServerIT {
  private static final String MANIFEST_TYPES =
      "application/vnd.docker.distribution.manifest.v2+json";
  private static final Pattern REALM = Pattern.compile("realm=\"([^\"]+)\"");

  @TempDir static Path tmp;
  static JwtTokenServer tokens;
  static DistributionRegistry registry;

  @BeforeAll
  static void startAndPush() {
    tokens =
        JwtTokenServer.builder()
            .user("alice", "secret")
            .grant("alice", "*", "pull", "push")
            .publicRepository("public/*")
            .start();
    registry = DistributionRegistry.builder().tokenAuth(tokens).start();
    Path layout = SmallImages.helloLayout(tmp, "v1", "hello\n");
    for (String repo : new String[] {"public/hello", "private/hello"}) {
      SmallImages.push(
          layout,
          "v1",
          registry.hostAndPort() + "/" + repo + ":v1",
          "v2s2",
          "--dest-creds",
          "alice:secret");
    }
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (tokens != null) {
      tokens.close();
    }
  }

  @Test
  void theRegistryChallengesWithTheTokenServersRealmAndService() {
    HttpResponse<byte[]> r = getManifest("public/hello", null);
    assertThat(r.statusCode()).isEqualTo(401);
    String challenge = r.headers().firstValue("WWW-Authenticate").orElseThrow();
    assertThat(challenge)
        .startsWith("Bearer ")
        .contains("realm=\"" + tokens.realm() + "\"")
        .contains("service=\"" + tokens.service() + "\"")
        .contains("scope=\"repository:public/hello:pull\"");
  }

  @Test
  void anonymousTokensPullPublicRepositories() {
    String token = dockerToken(null, "repository:public/hello:pull");
    assertThat(getManifest("public/hello", token).statusCode()).isEqualTo(200);
  }

  @Test
  void privateRepositoriesRefuseAnonymousTokensWithInsufficientScope() {
    HttpResponse<byte[]> r =
        getManifest("private/hello", dockerToken(null, "repository:private/hello:pull"));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(c -> assertThat(c).contains("error=\"insufficient_scope\""));
  }

  @Test
  void credentialsGetTokensForPrivateRepositories() {
    String token = dockerToken(Http.basic("alice", "secret"), "repository:private/hello:pull");
    assertThat(getManifest("private/hello", token).statusCode()).isEqualTo(200);
  }

  @Test
  void oauth2PasswordGrantThenRefreshTokenGrantBothPull() {
    HttpResponse<byte[]> password =
        postForm(
            "grant_type=password&username=alice&password=secret&access_type=offline"
                + "&client_id=it&service="
                + tokens.service()
                + "&scope="
                + encode("repository:private/hello:pull"));
    assertThat(password.statusCode()).isEqualTo(200);
    Map<String, Object> first = Http.json(password);
    assertThat(getManifest("private/hello", (String) first.get("access_token")).statusCode())
        .isEqualTo(200);

    HttpResponse<byte[]> refresh =
        postForm(
            "grant_type=refresh_token&client_id=it&refresh_token="
                + encode((String) first.get("refresh_token"))
                + "&service="
                + tokens.service()
                + "&scope="
                + encode("repository:private/hello:pull"));
    assertThat(refresh.statusCode()).isEqualTo(200);
    String refreshed = (String) Http.json(refresh).get("access_token");
    assertThat(refreshed).isNotEqualTo(first.get("access_token"));
    assertThat(getManifest("private/hello", refreshed).statusCode()).isEqualTo(200);
  }

  @Test
  void tokensSignedByAnotherKeyAreRefused() {
    try (JwtTokenServer impostor =
        JwtTokenServer.builder()
            .service(tokens.service())
            .issuer(tokens.issuer())
            .publicRepository("*")
            .start()) {
      String token =
          Http.json(
                  Http.get(
                      impostor.realm()
                          + "?service="
                          + impostor.service()
                          + "&scope="
                          + encode("repository:public/hello:pull")))
              .get("token")
              .toString();
      HttpResponse<byte[]> r = getManifest("public/hello", token);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(c -> assertThat(c).contains("error=\"invalid_token\""));
    }
  }

  private static HttpResponse<byte[]> getManifest(String repo, String token) {
    String url = registry.url() + "/v2/" + repo + "/manifests/v1";
    return token == null
        ? Http.get(url, "Accept", MANIFEST_TYPES)
        : Http.get(url, "Accept", MANIFEST_TYPES, "Authorization", "Bearer " + token);
  }

  /** Follows the registry's challenge to the realm, as Docker clients do, and returns the token. */
  private static String dockerToken(String basicAuthorization, String scope) {
    String challenge =
        getManifest("public/hello", null).headers().firstValue("WWW-Authenticate").orElseThrow();
    Matcher realm = REALM.matcher(challenge);
    assertThat(realm.find()).as("realm in %s", challenge).isTrue();
    String url = realm.group(1) + "?service=" + tokens.service() + "&scope=" + encode(scope);
    HttpResponse<byte[]> r =
        basicAuthorization == null
            ? Http.get(url)
            : Http.get(url, "Authorization", basicAuthorization);
    assertThat(r.statusCode()).isEqualTo(200);
    return (String) Http.json(r).get("token");
  }

  private static HttpResponse<byte[]> postForm(String form) {
    return Http.post(
        tokens.realm().toString(),
        form.getBytes(StandardCharsets.UTF_8),
        "Content-Type",
        "application/x-www-form-urlencoded");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
