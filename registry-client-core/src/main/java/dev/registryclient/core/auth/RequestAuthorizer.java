package dev.registryclient.core.auth;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.core.transport.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Puts the right {@code Authorization} on a registry request for a challenge: Basic credentials, a
 * cached or fresh bearer token, a ready bearer token, or nothing.
 */
final class RequestAuthorizer {
  /** A request ready to send, with the token it carries (to drop it if the registry refuses it). */
  record Authorized(Request request, Optional<TokenKey> key, Optional<Token> token) {}

  private final TokenService tokens;
  private final TokenCache cache;
  private final PlainHttpPolicy plainHttp;

  RequestAuthorizer(AuthOptions options) {
    this.tokens = new TokenService(options);
    this.cache = new TokenCache(options.clock(), options.refreshMargin());
    this.plainHttp = options.plainHttp();
  }

  Authorized authorize(
      Request request,
      Optional<AuthChallenge> challenge,
      List<Scope> scopes,
      Credentials credentials,
      Exchange exchange)
      throws IOException {
    Request.Builder out = request.newBuilder().removeHeader("Authorization");
    if (challenge.isEmpty()) {
      return new Authorized(out.build(), Optional.empty(), Optional.empty());
    }
    if (credentials instanceof Credentials.BearerToken bearer) {
      plainHttp.requireAllowed(request.origin(), request.errorContext());
      out.setHeader("Authorization", "Bearer " + bearer.token().reveal());
      return new Authorized(out.build(), Optional.empty(), Optional.empty());
    }
    AuthChallenge c = challenge.get();
    if (c.isBasic() && credentials instanceof Credentials.UsernamePassword up) {
      plainHttp.requireAllowed(request.origin(), request.errorContext());
      out.setHeader("Authorization", BasicAuth.header(up));
      return new Authorized(out.build(), Optional.empty(), Optional.empty());
    }
    if (!c.isBearer()) {
      return new Authorized(out.build(), Optional.empty(), Optional.empty());
    }
    if (!credentials.isAnonymous()) {
      plainHttp.requireAllowed(request.origin(), request.errorContext());
    }
    URI realm = realm(c, request);
    TokenKey key =
        new TokenKey(request.registry(), realm.toString(), c.service().orElse(""), scopes);
    TokenRequest tokenRequest =
        new TokenRequest(
            request.registry(), realm, c.service(), scopes, credentials, request.repository());
    Token token;
    try {
      token = cache.get(key, () -> fetchUnchecked(tokenRequest, exchange));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.setHeader("Authorization", "Bearer " + token.value().reveal());
    return new Authorized(out.build(), Optional.of(key), Optional.of(token));
  }

  void invalidate(Authorized authorized) {
    if (authorized.key().isPresent() && authorized.token().isPresent()) {
      cache.invalidate(authorized.key().get(), authorized.token().get());
    }
  }

  private Token fetchUnchecked(TokenRequest tokenRequest, Exchange exchange) {
    try {
      return tokens.fetch(tokenRequest, exchange);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URI realm(AuthChallenge c, Request request) {
    ErrorContext context = request.errorContext();
    String realm =
        c.realm()
            .filter(r -> !r.isBlank())
            .orElseThrow(
                () -> new InvalidContentException(context, "Bearer challenge without realm: " + c));
    try {
      URI uri = URI.create(realm);
      if (uri.getHost() == null
          || !List.of("http", "https").contains(String.valueOf(uri.getScheme()).toLowerCase())) {
        throw new IllegalArgumentException("not an absolute http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new InvalidContentException(
          context, "Bearer challenge has an unusable realm: " + realm, e);
    }
  }
}
