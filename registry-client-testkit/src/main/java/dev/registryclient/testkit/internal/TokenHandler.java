package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The token endpoint (the bearer realm), answering both the Docker token flow ({@code GET} with
 * optional Basic credentials, anonymous tokens for public repositories, {@code offline_token=true}
 * for a refresh token) and the OAuth2 flow ({@code POST} form with {@code grant_type=password} or
 * {@code refresh_token}; {@code access_type=offline} returns a refresh token). Each requested scope
 * is granted only the actions the user may perform; the registry then answers {@code
 * insufficient_scope} if that is not enough.
 */
public final class TokenHandler implements HttpHandler {
  private final AccessPolicy access;
  private final TokenIssuer issuer;
  private final boolean postAnswers404;

  /** A token endpoint; {@code postAnswers404} makes POST fail so clients must fall back to GET. */
  public TokenHandler(AccessPolicy access, TokenIssuer issuer, boolean postAnswers404) {
    this.access = access;
    this.issuer = issuer;
    this.postAnswers404 = postAnswers404;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    switch (ex.getRequestMethod()) {
      case "GET" -> handleGet(ex);
      case "POST" -> {
        if (postAnswers404) {
          Exchanges.bytes(
              ex, 404, "text/plain", "404 page not found\n".getBytes(StandardCharsets.UTF_8));
        } else {
          handlePost(ex);
        }
      }
      default -> Exchanges.error(ex, ErrorCode.UNSUPPORTED, "token endpoint takes GET or POST");
    }
  }

  private void handleGet(HttpExchange ex) throws IOException {
    String user = null;
    Optional<String[]> credentials = RegistryAuth.basicCredentials(ex);
    if (credentials.isPresent()) {
      if (!access.authenticate(credentials.get()[0], credentials.get()[1])) {
        Exchanges.error(ex, ErrorCode.UNAUTHORIZED, "incorrect username or password");
        return;
      }
      user = credentials.get()[0];
    }
    String rawQuery = ex.getRequestURI().getRawQuery();
    Map<String, Object> response = grant(user, Exchanges.queryValues(rawQuery, "scope"));
    response.put("token", response.get("access_token"));
    boolean offline = "true".equals(Exchanges.query(ex).get("offline_token"));
    if (offline && user != null) {
      response.put("refresh_token", issuer.issueRefreshToken(user));
    }
    Exchanges.json(ex, 200, response);
  }

  private void handlePost(HttpExchange ex) throws IOException {
    Map<String, String> form;
    try {
      form = Exchanges.parseForm(new String(Exchanges.readSmallBody(ex), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      oauthError(ex, "invalid_request", e.getMessage());
      return;
    }
    if (form.getOrDefault("client_id", "").isEmpty()) {
      oauthError(ex, "invalid_request", "client_id is required");
      return;
    }
    String grantType = form.getOrDefault("grant_type", "");
    String user;
    String refreshToken = null;
    if (grantType.equals("password")) {
      user = form.get("username");
      if (user == null || !access.authenticate(user, form.getOrDefault("password", ""))) {
        oauthError(ex, "invalid_grant", "incorrect username or password");
        return;
      }
      if ("offline".equals(form.get("access_type"))) {
        refreshToken = issuer.issueRefreshToken(user);
      }
    } else if (grantType.equals("refresh_token")) {
      refreshToken = form.getOrDefault("refresh_token", "");
      Optional<String> owner = issuer.refreshTokenOwner(refreshToken);
      if (owner.isEmpty()) {
        oauthError(ex, "invalid_grant", "unknown refresh token");
        return;
      }
      user = owner.get();
    } else {
      oauthError(ex, "unsupported_grant_type", "grant_type must be password or refresh_token");
      return;
    }
    String scopes = form.getOrDefault("scope", "");
    Map<String, Object> response = grant(user, scopes.isBlank() ? List.of() : List.of(scopes));
    if (refreshToken != null) {
      response.put("refresh_token", refreshToken);
    }
    Exchanges.json(ex, 200, response);
  }

  // a scope parameter may hold several space-separated scopes
  private Map<String, Object> grant(String user, List<String> scopeParams) {
    Map<String, Set<String>> granted = new LinkedHashMap<>();
    StringBuilder grantedText = new StringBuilder();
    for (String param : scopeParams) {
      for (String text : param.trim().split("\\s+")) {
        if (text.isEmpty()) {
          continue;
        }
        Scope scope;
        try {
          scope = Scope.parse(text);
        } catch (IllegalArgumentException e) {
          continue; // distribution ignores scopes it cannot parse
        }
        Set<String> actions = access.grantable(user, scope);
        if (!actions.isEmpty()) {
          granted.merge(scope.resource(), actions, (a, b) -> union(a, b));
          grantedText.append(grantedText.length() == 0 ? "" : " ");
          grantedText.append(new Scope(scope.type(), scope.name(), actions));
        }
      }
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("access_token", issuer.issue(user, granted));
    response.put("token_type", "Bearer");
    response.put("expires_in", issuer.expiresInSeconds());
    response.put("issued_at", issuer.now().toString());
    response.put("scope", grantedText.toString());
    return response;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static void oauthError(HttpExchange ex, String error, String description)
      throws IOException {
    int status = error.equals("invalid_grant") ? 401 : 400;
    Exchanges.json(ex, status, Json.object("error", error, "error_description", description));
  }
}
