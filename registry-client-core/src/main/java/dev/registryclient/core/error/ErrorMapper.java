package dev.registryclient.core.error;

import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.api.exception.AuthorizationException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.RateLimitedException;
import dev.registryclient.api.exception.RegistryServiceException;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.RetryAfter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an error answer into the api exception a caller can catch: status and spec codes decide the
 * subtype, the context names host, repository and phase.
 *
 * <table>
 *   <caption>mapping</caption>
 *   <tr><th>status</th><th>or code</th><th>exception</th></tr>
 *   <tr><td>404</td><td>MANIFEST_UNKNOWN, NAME_UNKNOWN, BLOB_UNKNOWN, BLOB_UPLOAD_UNKNOWN</td>
 *       <td>{@link NotFoundException}</td></tr>
 *   <tr><td>401</td><td>UNAUTHORIZED</td><td>{@link AuthenticationException}</td></tr>
 *   <tr><td>403</td><td>DENIED</td><td>{@link AuthorizationException}</td></tr>
 *   <tr><td>429</td><td>TOOMANYREQUESTS</td><td>{@link RateLimitedException}</td></tr>
 *   <tr><td>other</td><td>other</td><td>{@link RegistryServiceException}</td></tr>
 * </table>
 *
 * <p>The status decides first; codes decide when the status is not one of these (Nexus answers 400
 * with {@code UNAUTHORIZED}).
 *
 * <pre>{@code
 * if (!response.isSuccessful()) throw ErrorMapper.fromResponse(response, context);
 * }</pre>
 */
public final class ErrorMapper {
  private static final Set<String> NOT_FOUND =
      Set.of("MANIFEST_UNKNOWN", "NAME_UNKNOWN", "BLOB_UNKNOWN", "BLOB_UPLOAD_UNKNOWN");

  private ErrorMapper() {}

  /** Reads the body (at most 64 KiB), closes the response and returns the matching exception. */
  public static RegistryServiceException fromResponse(Response response, ErrorContext context) {
    return fromResponse(response, context, "");
  }

  /**
   * As {@link #fromResponse(Response, ErrorContext)}, with {@code note} (e.g. {@code gave up after
   * 5 attempts in 7.9 s}) appended to the message when not empty.
   */
  public static RegistryServiceException fromResponse(
      Response response, ErrorContext context, String note) {
    ErrorBody body;
    try (response) {
      body = ErrorBodyParser.parse(response.body());
    } catch (IOException e) {
      body = ErrorBody.empty();
    }
    Optional<Duration> retryAfter =
        response.header("Retry-After").flatMap(v -> RetryAfter.parse(v, Instant.now()));
    return toException(response.status(), body, context, retryAfter, note);
  }

  /** The exception for a status and parsed body. */
  public static RegistryServiceException toException(
      int status, ErrorBody body, ErrorContext context, Optional<Duration> retryAfter) {
    return toException(status, body, context, retryAfter, "");
  }

  private static RegistryServiceException toException(
      int status,
      ErrorBody body,
      ErrorContext context,
      Optional<Duration> retryAfter,
      String note) {
    String answered =
        body.text().isEmpty() ? "registry answered" : "registry answered: " + body.text();
    String detail = note.isEmpty() ? answered : answered + ", " + note;
    List<dev.registryclient.api.exception.RegistryError> errors = body.errors();
    switch (kind(status, body)) {
      case 404:
        return new NotFoundException(context, detail, status, errors);
      case 401:
        return new AuthenticationException(context, detail, status, errors);
      case 403:
        return new AuthorizationException(context, detail, status, errors);
      case 429:
        return new RateLimitedException(context, detail, status, errors, retryAfter);
      default:
        return new RegistryServiceException(context, detail, status, errors);
    }
  }

  private static int kind(int status, ErrorBody body) {
    if (status == 404 || status == 401 || status == 403 || status == 429) {
      return status;
    }
    if (body.errors().stream().anyMatch(e -> NOT_FOUND.contains(e.code()))) {
      return 404;
    }
    if (body.hasCode("UNAUTHORIZED")) {
      return 401;
    }
    if (body.hasCode("DENIED")) {
      return 403;
    }
    if (body.hasCode("TOOMANYREQUESTS")) {
      return 429;
    }
    return status;
  }
}
