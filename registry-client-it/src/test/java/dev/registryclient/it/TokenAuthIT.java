package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.api.exception.AuthorizationException;
import dev.registryclient.core.auth.credentials.StaticCredentialProvider;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.testkit.JwtTokenServer;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK's token auth against a real docker-registry whose tokens come from the test kit. */
class TokenAuthIT {
  @TempDir static Path tmp;
  static JwtTokenServer tokens;
  static DistributionRegistry registry;

  @BeforeAll
  static void startAndPush() {
    tokens =
        JwtTokenServer.builder()
            .user("alice", "secret")
            .grant("alice", "*", "pull", "push")
            .user("bob", "hunter2")
            .grant("bob", "public/*", "pull")
            .publicRepository("public/*")
            .start();
    registry = DistributionRegistry.builder().tokenAuth(tokens).start();
    Path layout = Images.helloLayout(tmp, "v1", "token protected\n");
    for (String repo : new String[] {"public/app", "private/app"}) {
      Images.push(
          layout,
          "v1",
          registry.hostAndPort() + "/" + repo + ":v1",
          "--format",
          "oci",
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
  void anonymousPullOfAPublicRepositoryWorks(@TempDir Path out) {
    try (RegistryClient client = RegistryClient.builder().build()) {
      PullResult result = client.pull(image("public/app")).into(OciLayout.at(out)).execute();
      assertThat(result.blobs()).isNotEmpty();
    }
  }

  @Test
  void privateRepositoryWithoutCredentialsAsksForCredentialsNamingRegistryAndRepository(
      @TempDir Path out) {
    // docker-registry answers the anonymous token's missing scope with 401 insufficient_scope:
    // without credentials that means "log in", not "you may not"
    try (RegistryClient client = RegistryClient.builder().build()) {
      assertThatThrownBy(() -> client.pull(image("private/app")).into(OciLayout.at(out)).execute())
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("credentials required")
          .hasMessageContaining(registry.hostAndPort())
          .hasMessageContaining("private/app");
    }
  }

  @Test
  void credentialsWithoutAccessAreAnAuthorizationFailure() {
    try (RegistryClient client =
        withCredentials(Credentials.usernamePassword("bob", Secret.of("hunter2")))) {
      assertThatThrownBy(() -> client.manifest(image("private/app")))
          .isInstanceOf(AuthorizationException.class)
          .hasMessageContaining(
              "the credentials for " + registry.hostAndPort() + " lack pull access to private/app")
          .hasMessageNotContaining("hunter2");
    }
  }

  @Test
  void wrongPasswordIsAnAuthenticationFailure() {
    try (RegistryClient client =
        withCredentials(Credentials.usernamePassword("alice", Secret.of("nope")))) {
      assertThatThrownBy(() -> client.manifest(image("private/app")))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageNotContaining("nope");
    }
  }

  @Test
  void credentialsPullAPrivateRepository(@TempDir Path out) {
    try (RegistryClient client =
        withCredentials(Credentials.usernamePassword("alice", Secret.of("secret")))) {
      PullResult result = client.pull(image("private/app")).into(OciLayout.at(out)).execute();
      assertThat(result.blobs()).isNotEmpty();
    }
  }

  @Test
  void anIdentityTokenIsExchangedWithAnOAuth2RefreshGrant(@TempDir Path out) throws Exception {
    String refreshToken = refreshTokenFor("alice", "secret");
    tokens.journal().clear();
    try (RegistryClient client =
        withCredentials(Credentials.identityToken(Optional.of("alice"), Secret.of(refreshToken)))) {
      client.pull(image("private/app")).into(OciLayout.at(out)).execute();
    }
    assertThat(tokens.journal().token())
        .extracting(RecordedRequest::method, RecordedRequest::status)
        .contains(org.assertj.core.groups.Tuple.tuple("POST", 200));
    assertThat(tokens.journal().token()).noneMatch(r -> r.method().equals("GET"));
  }

  private static RegistryClient withCredentials(Credentials credentials) {
    return RegistryClient.builder()
        .credentials(
            StaticCredentialProvider.builder().add(registry.hostAndPort(), credentials).build())
        .build();
  }

  private static String image(String repository) {
    return registry.hostAndPort() + "/" + repository + ":v1";
  }

  /** What {@code docker login} does with an OAuth2-capable token server: a refresh token. */
  private static String refreshTokenFor(String user, String password) throws Exception {
    String form =
        "grant_type=password&access_type=offline&client_id=it&service="
            + URLEncoder.encode(tokens.service(), StandardCharsets.UTF_8)
            + "&username="
            + user
            + "&password="
            + password;
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(tokens.realm())
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    Matcher m = Pattern.compile("\"refresh_token\":\"([^\"]+)\"").matcher(response.body());
    assertThat(m.find()).as("refresh_token in %s", response.body()).isTrue();
    return m.group(1);
  }
}
