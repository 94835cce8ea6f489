package dev.registryclient.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.api.exception.AuthorizationException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RateLimitedException;
import dev.registryclient.api.exception.RegistryServiceException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {
  private static final ErrorContext CTX =
      ErrorContext.of(Phase.MANIFEST, "registry.example", "team/app");

  private static RegistryServiceException map(int status, String body) {
    return ErrorMapper.toException(
        status, ErrorBodyParser.parse(body), CTX, Optional.of(Duration.ofSeconds(60)));
  }

  @Test
  void notFoundCodesAndStatusGiveNotFound() {
    assertThat(
            map(
                404,
                "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("registry.example/team/app")
        .hasMessageContaining("MANIFEST_UNKNOWN");
    assertThat(map(400, "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\"}]}"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void authStatusesAndCodesGiveAuthExceptions() {
    assertThat(map(401, "")).isInstanceOf(AuthenticationException.class);
    assertThat(
            map(
                400,
                "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"[ERROR-400] DOCKER Either Authorization header is missing or invalid\"}]}"))
        .isInstanceOf(AuthenticationException.class);
    assertThat(map(403, "{\"errors\":[{\"code\":\"DENIED\"}]}"))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void tooManyRequestsKeepsRetryAfter() {
    RegistryServiceException e = map(429, "Too Many Requests (HAP429).");
    assertThat(e).isInstanceOf(RateLimitedException.class).hasMessageContaining("HAP429");
    assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(60));
  }

  @Test
  void otherStatusesGiveTheServiceException() {
    RegistryServiceException e = map(500, "<html>oops</html>");
    assertThat(e.getClass()).isEqualTo(RegistryServiceException.class);
    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(e.phase()).isEqualTo(Phase.MANIFEST);
  }

  private static RegistryServiceException answer(
      String method, String path, int status, String body, String... headers) {
    Headers.Builder h = Headers.builder();
    for (int i = 0; i < headers.length; i += 2) {
      h.add(headers[i], headers[i + 1]);
    }
    Request request =
        Request.builder(URI.create("https://127.0.0.1:5000" + path)).method(method).build();
    Response response =
        Response.of(
            request,
            status,
            h.build(),
            new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    return ErrorMapper.fromResponse(response);
  }

  @Test
  void aMissingTagIsNamedAsTheUserWouldWriteIt() {
    RegistryServiceException e =
        answer(
            "GET",
            "/v2/demo/small/manifests/nosuch",
            404,
            "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}");

    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.detail())
        .startsWith("manifest 127.0.0.1:5000/demo/small:nosuch not found")
        .doesNotContain("registry answered");
  }

  @Test
  void aMissingDigestOnHeadIsNamedThoughHeadHasNoBody() {
    String digest = "sha256:" + "ab".repeat(32);

    RegistryServiceException e = answer("HEAD", "/v2/demo/small/manifests/" + digest, 404, "");

    assertThat(e).isInstanceOf(NotFoundException.class);
    assertThat(e.detail())
        .startsWith("manifest 127.0.0.1:5000/demo/small@" + digest + " not found");
  }

  @Test
  void nameUnknownSaysTheRepositoryIsMissing() {
    RegistryServiceException e =
        answer(
            "GET",
            "/v2/demo/gone/manifests/1.0",
            404,
            "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known\"}]}");

    assertThat(e.detail()).startsWith("repository 127.0.0.1:5000/demo/gone not found");
  }

  @Test
  void aMissingBlobIsNamedWithItsRepository() {
    String digest = "sha256:" + "cd".repeat(32);

    RegistryServiceException e =
        answer("GET", "/v2/demo/small/blobs/" + digest, 404, "{\"message\":\"blob missing\"}");

    assertThat(e.detail())
        .startsWith(
            "blob 127.0.0.1:5000/demo/small@" + digest + " not found; registry said: blob missing");
  }

  @Test
  void rateLimitHeadersAreExposedAndSaidInWords() {
    RegistryServiceException e =
        answer(
            "GET",
            "/v2/library/alpine/manifests/3",
            429,
            "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"You have reached your pull rate limit.\"}]}",
            "ratelimit-limit",
            "100;w=21600",
            "ratelimit-remaining",
            "0;w=21600",
            "docker-ratelimit-source",
            "1.2.3.4",
            "Retry-After",
            "60");

    assertThat(e)
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            r -> {
              assertThat(r.limit()).contains("100;w=21600");
              assertThat(r.remaining()).contains("0;w=21600");
              assertThat(r.source()).contains("1.2.3.4");
              assertThat(r.retryAfter()).contains(Duration.ofSeconds(60));
            });
    assertThat(e.detail())
        .startsWith(
            "rate limited: 0 of 100 requests left per 6 h (source 1.2.3.4); retry after 60 s")
        .contains("TOOMANYREQUESTS: You have reached your pull rate limit.");
  }

  @Test
  void aRateLimitWithoutHeadersStillSaysSo() {
    RegistryServiceException e = answer("GET", "/v2/app/manifests/1", 429, "");

    assertThat(e).isInstanceOf(RateLimitedException.class);
    assertThat(((RateLimitedException) e).limit()).isEmpty();
    assertThat(e.detail()).isEqualTo("rate limited (HTTP 429)");
  }
}
