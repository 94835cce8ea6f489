package dev.registryclient.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.api.exception.AuthorizationException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RateLimitedException;
import dev.registryclient.api.exception.RegistryServiceException;
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
}
