package dev.registryclient.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.core.TransportBuilder;
import dev.registryclient.core.testing.FakeSleeper;
import dev.registryclient.core.testing.TestTransports;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.testkit.Journal;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.RecordedRequest;
import dev.registryclient.testkit.TestRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the auth tests against the {@link TestRegistry} share: a quick transport with fixed
 * credentials, GETs of manifests and blobs through it, and journal checks.
 */
final class KitPulls {
  private static final Pattern REFRESH_TOKEN =
      Pattern.compile("\"refresh_token\"\\s*:\\s*\"([^\"]+)\"");

  /** A status with the whole body read. */
  record Fetched(int status, byte[] body, URI finalUri) {}

  private KitPulls() {}

  /** A transport builder with short timeouts that presents {@code credentials} to any registry. */
  static TransportBuilder transport(Credentials credentials) {
    return TestTransports.quick(new FakeSleeper())
        .credentials((host, repository) -> Optional.of(credentials));
  }

  static Credentials password(String user, String password) {
    return Credentials.usernamePassword(user, Secret.of(password));
  }

  static Fetched get(Transport transport, URI uri) throws IOException {
    try (Response r = transport.execute(Request.get(uri))) {
      return new Fetched(r.status(), r.body().readAllBytes(), r.uri());
    }
  }

  static URI manifest(TestRegistry registry, PushedImage image) {
    return registry.url().resolve("/v2/" + image.repository() + "/manifests/" + image.tag());
  }

  static URI blob(TestRegistry registry, String repository, PushedBlob blob) {
    return registry.url().resolve("/v2/" + repository + "/blobs/" + blob.digest());
  }

  /**
   * An OAuth2 refresh token (what Docker stores as {@code identitytoken}) for {@code user}, asked
   * from the kit's token endpoint directly, the way {@code docker login} gets one.
   */
  static String identityTokenFor(TestRegistry registry, String user, String password)
      throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(registry.tokenRealm() + "?service=test-registry&offline_token=true"))
            .header("Authorization", "Basic " + basic)
            .build();
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    Matcher m = REFRESH_TOKEN.matcher(response.body());
    assertThat(m.find()).as("refresh_token in %s", response.body()).isTrue();
    return m.group(1);
  }

  /**
   * Asserts that no recorded request shows any of {@code secrets}, and that the client never put a
   * credential into a URL (the journal would redact it, hiding the leak).
   */
  static void assertJournalHides(Journal journal, String... secrets) {
    assertThat(journal.all()).isNotEmpty();
    for (RecordedRequest r : journal.all()) {
      String shown = r.target() + " " + r.headers() + " " + r;
      for (String secret : secrets) {
        assertThat(shown).doesNotContain(secret);
      }
      assertThat(r.target()).doesNotContain("<redacted>");
    }
  }
}
