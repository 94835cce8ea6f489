package dev.registryclient.core.auth;

import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.api.exception.AuthorizationException;
import dev.registryclient.api.exception.RegistryServiceException;
import dev.registryclient.core.transport.ErrorBody;
import dev.registryclient.core.transport.ErrorBodyParser;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The exceptions the auth layer throws, with host, repository and what the registry said. The type
 * tells a caller what to do: {@link AuthenticationException} means "log in" (no credentials were
 * configured, or those given were refused), {@link AuthorizationException} means "these credentials
 * may not": never thrown for an anonymous client, for which logging in is the answer.
 */
final class AuthFailures {
  private AuthFailures() {}

  /**
   * The registry still answers 401 after the credentials (or anonymous token) were presented:
   * "credentials required" when there were none, else "refused".
   */
  static AuthenticationException refused(
      Request request, List<Scope> asked, Response response, boolean anonymous) {
    ErrorBody body = read(response);
    String host = request.registry().hostAndPort();
    String detail =
        anonymous
            ? credentialsRequired(request, asked)
            : "the credentials for " + host + " were refused";
    return new AuthenticationException(
        request.errorContext(), detail + said(body), response.status(), body.errors());
  }

  /**
   * The registry refused the access asked for ({@code insufficient_scope} after asking for the
   * wider scope, or {@code 403} to an anonymous client): {@link AuthenticationException} when no
   * credentials are configured, {@link AuthorizationException} when those given lack the access.
   */
  static RegistryServiceException denied(
      Request request,
      List<Scope> asked,
      Response response,
      Optional<AuthChallenge> challenge,
      boolean anonymous) {
    ErrorBody body = read(response);
    String registrySaid =
        challenge
                .flatMap(c -> c.param("error_description").or(c::error))
                .map(s -> "; registry said: " + s)
                .orElse("")
            + said(body);
    if (anonymous) {
      return new AuthenticationException(
          request.errorContext(),
          credentialsRequired(request, asked) + registrySaid,
          response.status(),
          body.errors());
    }
    String scopes = asked.stream().map(Scope::toString).collect(Collectors.joining(" "));
    return new AuthorizationException(
        request.errorContext(),
        "the credentials for "
            + request.registry().hostAndPort()
            + " lack "
            + access(request, asked)
            + orMissing(request)
            + "; asked for scope "
            + scopes
            + registrySaid,
        response.status(),
        body.errors());
  }

  /** {@code "credentials required: no credentials are configured for H, and it refuses ..."}. */
  private static String credentialsRequired(Request request, List<Scope> asked) {
    return "credentials required: no credentials are configured for "
        + request.registry().hostAndPort()
        + ", and it refuses anonymous "
        + access(request, asked)
        + orMissing(request);
  }

  /** {@code "pull access to team/app"}, from the scope asked for the request's repository. */
  private static String access(Request request, List<Scope> asked) {
    Optional<String> repository = request.repository();
    Optional<Scope> scope =
        asked.stream()
            .filter(s -> s.type().equals("repository"))
            .filter(s -> repository.isEmpty() || s.name().equals(repository.get()))
            .findFirst();
    if (scope.isPresent()) {
      return String.join(",", scope.get().actions()) + " access to " + scope.get().name();
    }
    return repository.map(r -> "access to " + r).orElse("access");
  }

  /** Registries answer "denied" for a repository that does not exist too, so as not to leak it. */
  private static String orMissing(Request request) {
    return request.repository().isPresent() ? " (or the repository does not exist)" : "";
  }

  private static String said(ErrorBody body) {
    return body.text().isEmpty() ? "" : "; " + body.text();
  }

  private static ErrorBody read(Response response) {
    try (response) {
      return ErrorBodyParser.parse(response.body());
    } catch (IOException e) {
      return ErrorBody.empty();
    }
  }
}
