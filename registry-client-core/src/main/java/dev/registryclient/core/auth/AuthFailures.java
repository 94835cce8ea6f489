package dev.registryclient.core.auth;

import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.api.exception.AuthorizationException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.core.error.ErrorBody;
import dev.registryclient.core.error.ErrorBodyParser;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The exceptions the auth layer throws, with host, repository and what the registry said. */
final class AuthFailures {
  private AuthFailures() {}

  static ErrorContext context(Request request) {
    ErrorContext c =
        ErrorContext.of(request.phase())
            .withRegistry(request.registry().hostAndPort())
            .withContactedHost(request.origin().hostWithPort());
    return request.repository().map(c::withRepository).orElse(c);
  }

  /** The registry still answers 401 after the credentials (or anonymous token) were presented. */
  static AuthenticationException refused(Request request, Response response, boolean anonymous) {
    ErrorBody body = read(response);
    String host = request.registry().hostAndPort();
    String detail =
        anonymous
            ? "authentication required by " + host + " and no credentials are configured for it"
            : "the credentials for " + host + " were refused";
    return new AuthenticationException(
        context(request), detail + said(body), response.status(), body.errors());
  }

  /** The registry refused the wider scope too. */
  static AuthorizationException denied(
      Request request, List<Scope> asked, Response response, Optional<AuthChallenge> challenge) {
    ErrorBody body = read(response);
    String scopes = asked.stream().map(Scope::toString).collect(Collectors.joining(" "));
    String registrySaid =
        challenge
                .flatMap(c -> c.param("error_description").or(c::error))
                .map(s -> "; registry said: " + s)
                .orElse("")
            + said(body);
    return new AuthorizationException(
        context(request),
        "access denied by "
            + request.registry().hostAndPort()
            + " after asking for scope "
            + scopes
            + registrySaid,
        response.status(),
        body.errors());
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
