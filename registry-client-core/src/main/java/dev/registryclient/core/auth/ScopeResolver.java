package dev.registryclient.core.auth;

import dev.registryclient.api.exception.Phase;
import dev.registryclient.core.transport.Request;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The scopes a request needs, from its method, phase and repository: reading needs {@code pull},
 * writing {@code pull,push}, deleting {@code delete}; a cross-repository mount ({@code
 * ?mount=...&from=other}) also needs {@code pull} on the source, so one token covers both.
 */
final class ScopeResolver {
  private ScopeResolver() {}

  static List<Scope> forRequest(Request request) {
    List<Scope> scopes = new ArrayList<>();
    if (request.phase() == Phase.CATALOG) {
      scopes.add(Scope.catalog());
    }
    request
        .repository()
        .ifPresent(
            repo -> {
              if (request.phase() == Phase.UPLOAD) {
                // every step of an upload, its first HEAD included, needs the one push token
                scopes.add(Scope.push(repo));
                return;
              }
              switch (request.method()) {
                case "GET", "HEAD" -> scopes.add(Scope.pull(repo));
                case "DELETE" -> scopes.add(Scope.repository(repo, "delete"));
                default -> scopes.add(Scope.push(repo));
              }
            });
    String query = request.uri().getRawQuery();
    if (query != null && request.phase() == Phase.UPLOAD) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("from=") && pair.length() > 5) {
          scopes.add(Scope.pull(URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8)));
        }
      }
    }
    return Scope.merge(scopes);
  }
}
