package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.registryclient.testkit.internal.RegistryConfig.AuthMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides whether a registry request may proceed and, if not, answers it with the challenge the
 * configured mode calls for: {@code Basic realm=...} or {@code Bearer realm,service,scope} (with
 * {@code error="invalid_token"} or {@code error="insufficient_scope"} as distribution does).
 */
public final class RegistryAuth {
  private final AuthMode mode;
  private final AccessPolicy access;
  private final TokenIssuer tokens;
  private final Supplier<String> realm;

  /** Auth for {@code mode}; {@code realm} yields the token endpoint URL once servers are bound. */
  public RegistryAuth(
      AuthMode mode, AccessPolicy access, TokenIssuer tokens, Supplier<String> realm) {
    this.mode = mode;
    this.access = access;
    this.tokens = tokens;
    this.realm = realm;
  }

  /**
   * Whether the request may perform all of {@code required}; if not, the exchange has been
   * answered. An empty list means "any authenticated client" ({@code GET /v2/}).
   */
  public boolean permit(HttpExchange ex, List<Scope> required) throws IOException {
    return switch (mode) {
      case NONE -> true;
      case BASIC -> permitBasic(ex, required);
      case TOKEN -> permitBearer(ex, required);
    };
  }

  /**
   * Whether the request's credentials allow every action of {@code scope}; answers nothing. For
   * permissions a registry uses quietly, such as {@code pull} on the source of a mount it may
   * instead answer with an upload.
   */
  public boolean holds(HttpExchange ex, Scope scope) {
    return switch (mode) {
      case NONE -> true;
      case BASIC -> {
        Optional<String[]> credentials = basicCredentials(ex);
        String user = null;
        if (credentials.isPresent()
            && access.authenticate(credentials.get()[0], credentials.get()[1])) {
          user = credentials.get()[0];
        }
        yield access.grantable(user, scope).containsAll(scope.actions());
      }
      case TOKEN -> {
        Optional<TokenIssuer.IssuedToken> token = bearerToken(ex).flatMap(tokens::validate);
        yield token.isPresent()
            && scope.actions().stream().allMatch(a -> token.get().allows(scope.resource(), a));
      }
    };
  }

  private static Optional<String> bearerToken(HttpExchange ex) {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    return header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? Optional.empty()
        : Optional.of(header.substring(7).trim());
  }

  private boolean permitBasic(HttpExchange ex, List<Scope> required) throws IOException {
    Optional<String[]> credentials = basicCredentials(ex);
    String user = null;
    if (credentials.isPresent()) {
      if (!access.authenticate(credentials.get()[0], credentials.get()[1])) {
        return challengeBasic(ex, "invalid username or password");
      }
      user = credentials.get()[0];
    }
    for (Scope scope : required) {
      if (!access.grantable(user, scope).containsAll(scope.actions())) {
        if (user == null) {
          return challengeBasic(ex, "authentication required");
        }
        Exchanges.error(ex, ErrorCode.DENIED, "access to " + scope + " is denied");
        return false;
      }
    }
    return user != null || !required.isEmpty() || challengeBasic(ex, "authentication required");
  }

  private boolean challengeBasic(HttpExchange ex, String detail) throws IOException {
    ex.getResponseHeaders()
        .set("WWW-Authenticate", "Basic realm=\"" + RegistryConfig.SERVICE + "\"");
    Exchanges.error(ex, ErrorCode.UNAUTHORIZED, detail);
    return false;
  }

  private boolean permitBearer(HttpExchange ex, List<Scope> required) throws IOException {
    Optional<String> presented = bearerToken(ex);
    if (presented.isEmpty()) {
      return challengeBearer(ex, required, null);
    }
    Optional<TokenIssuer.IssuedToken> token = tokens.validate(presented.get());
    if (token.isEmpty()) {
      return challengeBearer(ex, required, "invalid_token");
    }
    for (Scope scope : required) {
      for (String action : scope.actions()) {
        if (!token.get().allows(scope.resource(), action)) {
          return challengeBearer(ex, required, "insufficient_scope");
        }
      }
    }
    return true;
  }

  private boolean challengeBearer(HttpExchange ex, List<Scope> required, String error)
      throws IOException {
    StringBuilder challenge = new StringBuilder("Bearer realm=\"").append(realm.get()).append('"');
    challenge.append(",service=\"").append(RegistryConfig.SERVICE).append('"');
    if (!required.isEmpty()) {
      challenge.append(",scope=\"");
      challenge.append(String.join(" ", required.stream().map(Scope::toString).toList()));
      challenge.append('"');
    }
    if (error != null) {
      challenge.append(",error=\"").append(error).append('"');
    }
    ex.getResponseHeaders().set("WWW-Authenticate", challenge.toString());
    String detail = error == null ? "authentication required" : error.replace('_', ' ');
    Exchanges.error(ex, ErrorCode.UNAUTHORIZED, detail);
    return false;
  }

  /** {@code [user, password]} from a {@code Basic} Authorization header, if well-formed. */
  public static Optional<String[]> basicCredentials(HttpExchange ex) {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? Optional.empty()
          : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
