package dev.registryclient.core.transport;

import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.api.exception.AuthorizationException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.RateLimitHeaders;
import dev.registryclient.api.exception.RateLimitedException;
import dev.registryclient.api.exception.RegistryError;
import dev.registryclient.api.exception.RegistryServiceException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an error answer into the api exception a caller can catch: status and spec codes decide the
 * subtype, the context names host, repository and phase, and the message names what was missing or
 * what the limit is.
 *
 * <table>
 *   <caption>mapping</caption>
 *   <tr><th>status</th><th>or code</th><th>exception</th></tr>
 *   <tr><td>404</td><td>MANIFEST_UNKNOWN, NAME_UNKNOWN, BLOB_UNKNOWN, BLOB_UPLOAD_UNKNOWN</td>
 *       <td>{@link NotFoundException}: {@code "manifest host/repo:tag not found"}</td></tr>
 *   <tr><td>401</td><td>UNAUTHORIZED</td><td>{@link AuthenticationException}</td></tr>
 *   <tr><td>403</td><td>DENIED</td><td>{@link AuthorizationException}</td></tr>
 *   <tr><td>429</td><td>TOOMANYREQUESTS</td><td>{@link RateLimitedException} with the {@code
 *       Retry-After} and rate-limit headers</td></tr>
 *   <tr><td>other</td><td>other</td><td>{@link RegistryServiceException}</td></tr>
 * </table>
 *
 * <p>The status decides first; codes decide when the status is not one of these (Nexus answers 400
 * with {@code UNAUTHORIZED}).
 *
 * <pre>{@code
 * if (!response.isSuccessful()) throw ErrorMapper.fromResponse(response);
 * }</pre>
 */
public final class ErrorMapper {
  private static final Set<String> NOT_FOUND =
      Set.of("MANIFEST_UNKNOWN", "NAME_UNKNOWN", "BLOB_UNKNOWN", "BLOB_UPLOAD_UNKNOWN");

  private ErrorMapper() {}

  /**
   * Reads the body (at most 64 KiB), closes the response and returns the matching exception, with
   * the context of the request that got it ({@link Request#errorContext()}: phase, the registry as
   * the caller named it, the host really contacted, the repository). A 404 for a manifest or blob
   * path names it ({@code "manifest 127.0.0.1:5000/demo/small:nosuch not found"}); HEAD answers
   * without a body too.
   *
   * @param response the error answer; closed
   * @return the exception to throw
   */
  public static RegistryServiceException fromResponse(Response response) {
    return fromResponse(response, "");
  }

  /**
   * As {@link #fromResponse(Response)}, with {@code note} (e.g. {@code gave up after 5 attempts in
   * 7.9 s}) appended to the message when not empty.
   *
   * @param response the error answer; closed
   * @param note appended to the message, or {@code ""}
   * @return the exception to throw
   */
  public static RegistryServiceException fromResponse(Response response, String note) {
    ErrorContext context = response.request().errorContext();
    ErrorBody body;
    try (response) {
      body = ErrorBodyParser.parse(response.body());
    } catch (IOException e) {
      body = ErrorBody.empty();
    }
    Optional<Duration> retryAfter = RetryAfter.of(response);
    Answer answer =
        new Answer(
            response.status(),
            body,
            retryAfter,
            RateLimitText.headers(response),
            RequestedItem.of(response.request(), context),
            note);
    return toException(answer, context);
  }

  /**
   * The exception for a status and parsed body.
   *
   * @param status the HTTP status code
   * @param body the parsed error body
   * @param context names phase, registry, host and repository in the message
   * @param retryAfter the server's {@code Retry-After}, if any, for a 429
   * @return the exception to throw
   */
  public static RegistryServiceException toException(
      int status, ErrorBody body, ErrorContext context, Optional<Duration> retryAfter) {
    return toException(
        new Answer(status, body, retryAfter, RateLimitHeaders.none(), Optional.empty(), ""),
        context);
  }

  /**
   * What an error answer said.
   *
   * @param item what the request asked for, e.g. {@code manifest host/repo:tag}, if known
   * @param note appended to the message when not empty, e.g. {@code gave up after 5 attempts}
   */
  record Answer(
      int status,
      ErrorBody body,
      Optional<Duration> retryAfter,
      RateLimitHeaders rateLimit,
      Optional<String> item,
      String note) {
    String withNote(String detail) {
      return note.isEmpty() ? detail : detail + ", " + note;
    }
  }

  static RegistryServiceException toException(Answer a, ErrorContext context) {
    List<RegistryError> errors = a.body().errors();
    int status = a.status();
    switch (kind(status, a.body())) {
      case 404:
        return new NotFoundException(context, a.withNote(notFound(a, context)), status, errors);
      case 401:
        return new AuthenticationException(context, a.withNote(answered(a.body())), status, errors);
      case 403:
        return new AuthorizationException(context, a.withNote(answered(a.body())), status, errors);
      case 429:
        return new RateLimitedException(
            context, a.withNote(rateLimited(a)), status, errors, a.retryAfter(), a.rateLimit());
      default:
        return new RegistryServiceException(
            context, a.withNote(answered(a.body())), status, errors);
    }
  }

  private static String answered(ErrorBody body) {
    return body.text().isEmpty() ? "registry answered" : "registry answered: " + body.text();
  }

  /** {@code "manifest host/repo:tag not found"}, or the repository when the registry says so. */
  private static String notFound(Answer a, ErrorContext context) {
    String said = a.body().text().isEmpty() ? "" : "; registry said: " + a.body().text();
    if (a.body().hasCode("NAME_UNKNOWN") && context.repository().isPresent()) {
      String repository =
          context.registry().map(r -> r + "/").orElse("") + context.repository().get();
      return "repository " + repository + " not found" + said;
    }
    return a.item().map(item -> item + " not found" + said).orElseGet(() -> answered(a.body()));
  }

  /** {@code "rate limited: 0 of 100 requests left per 6 h (source 1.2.3.4); retry after 60 s"}. */
  private static String rateLimited(Answer a) {
    StringBuilder sb = new StringBuilder("rate limited");
    RateLimitText.describe(a.rateLimit()).ifPresent(q -> sb.append(": ").append(q));
    a.retryAfter().ifPresent(w -> sb.append("; ").append(RateLimitText.retryAfter(w)));
    if (!a.body().text().isEmpty()) {
      sb.append("; registry said: ").append(a.body().text());
    }
    return sb.toString();
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
