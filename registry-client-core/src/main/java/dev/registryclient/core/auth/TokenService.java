package dev.registryclient.core.auth;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.api.exception.AuthenticationException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.RegistryClientException;
import dev.registryclient.core.transport.ErrorBody;
import dev.registryclient.core.transport.ErrorBodyParser;
import dev.registryclient.core.transport.ErrorMapper;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.RequestBody;
import dev.registryclient.core.transport.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a token server (the challenge's realm) for a bearer token, as the distribution token specs
 * describe: an OAuth2 {@code POST} (form {@code grant_type=refresh_token} for identity tokens, or
 * {@code grant_type=password} when preferred) falling back to {@code GET} when the server answers
 * 404; otherwise {@code GET} with Basic credentials, or anonymous.
 *
 * <pre>{@code
 * Token t = tokens.fetch(new TokenRequest(registry, realm, service, scopes, creds, repo), chain::proceed);
 * }</pre>
 */
public final class TokenService {
  private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);
  private final AuthOptions options;

  /** A token service with these options (client id, grant preference, clock, http policy). */
  public TokenService(AuthOptions options) {
    this.options = options;
  }

  /** Fetches a token; failures are typed exceptions naming the registry and token host. */
  public Token fetch(TokenRequest r, Exchange exchange) throws IOException {
    Origin realm = Origin.of(r.realm());
    ErrorContext context = request(r.realm(), r).build().errorContext();
    if (realm.isPlainHttp() && !r.registry().isPlainHttp()) {
      throw new RegistryClientException(context, "token realm " + r.realm() + " is not https");
    }
    Credentials c = r.credentials();
    if (!c.isAnonymous()) {
      options.plainHttp().requireAllowed(realm, context);
    }
    if (c instanceof Credentials.IdentityToken id) {
      Optional<Token> t =
          post(
              r,
              exchange,
              context,
              "refresh_token",
              "refresh_token",
              id.refreshToken().reveal(),
              null);
      return t.isPresent() ? t.get() : get(r, exchange, context, Optional.empty());
    }
    if (c instanceof Credentials.UsernamePassword up) {
      if (options.preferOAuth2PasswordGrant()) {
        Optional<Token> t = post(r, exchange, context, "password", "username", up.username(), up);
        if (t.isPresent()) {
          return t.get();
        }
      }
      return get(r, exchange, context, Optional.of(up));
    }
    return get(r, exchange, context, Optional.empty());
  }

  private Optional<Token> post(
      TokenRequest r,
      Exchange exchange,
      ErrorContext context,
      String grant,
      String key,
      String value,
      Credentials.UsernamePassword password)
      throws IOException {
    List<String> form = new ArrayList<>();
    form.add("grant_type=" + encode(grant));
    r.service().ifPresent(s -> form.add("service=" + encode(s)));
    form.add("client_id=" + encode(options.clientId()));
    form.add("access_type=offline");
    if (!r.scopes().isEmpty()) {
      form.add(
          "scope=" + encode(String.join(" ", r.scopes().stream().map(Scope::toString).toList())));
    }
    form.add(key + "=" + encode(value));
    if (password != null) {
      form.add("password=" + encode(password.password().reveal()));
    }
    byte[] body = String.join("&", form).getBytes(StandardCharsets.UTF_8);
    Request post =
        request(r.realm(), r)
            .method("POST")
            .body(RequestBody.of(body, "application/x-www-form-urlencoded"))
            .build();
    Response response = exchange.send(post);
    if (response.status() == 404) {
      response.close();
      LOG.debug("token server {} answered 404 to the OAuth2 POST; falling back to GET", r.realm());
      return Optional.empty();
    }
    return Optional.of(handle(response, r, context));
  }

  private Token get(
      TokenRequest r,
      Exchange exchange,
      ErrorContext context,
      Optional<Credentials.UsernamePassword> basic)
      throws IOException {
    StringBuilder query = new StringBuilder();
    r.service().ifPresent(s -> query.append("&service=").append(encode(s)));
    r.scopes().forEach(s -> query.append("&scope=").append(encode(s.toString())));
    String base = r.realm().toString();
    String url =
        query.length() == 0 ? base : base + (base.contains("?") ? "&" : "?") + query.substring(1);
    Request.Builder get = request(URI.create(url), r);
    basic.ifPresent(up -> get.setHeader("Authorization", BasicAuth.header(up)));
    return handle(exchange.send(get.build()), r, context);
  }

  private Token handle(Response response, TokenRequest r, ErrorContext asked) throws IOException {
    // the server that answered, which may be another host after a redirect
    ErrorContext context = response.request().errorContext();
    boolean anonymous = r.credentials().isAnonymous();
    if (response.status() == 401 || (response.status() == 403 && anonymous)) {
      try (response) {
        ErrorBody body = ErrorBodyParser.parse(response.body());
        String host = r.registry().hostAndPort();
        String detail =
            anonymous
                ? "credentials required: no credentials are configured for "
                    + host
                    + ", and its token server refuses anonymous access"
                : "the token server refused the credentials for " + host;
        throw new AuthenticationException(
            context,
            body.text().isEmpty() ? detail : detail + "; " + body.text(),
            response.status(),
            body.errors());
      }
    }
    if (response.status() != 200) {
      throw ErrorMapper.fromResponse(response);
    }
    try (response) {
      return TokenResponseParser.parse(response.body(), options.clock().instant(), context);
    }
  }

  /**
   * A request to the token server: it belongs to the realm's origin (so a redirect elsewhere drops
   * its credentials), names the registry and repository it is for in errors, and is a side request
   * the auth layer does not authenticate again.
   */
  private static Request.Builder request(URI uri, TokenRequest r) {
    Request.Builder b =
        Request.builder(uri)
            .phase(Phase.TOKEN)
            .registry(Origin.of(uri))
            .registryName(r.registry().hostAndPort())
            .sideRequest();
    r.repository().ifPresent(b::repository);
    return b;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The clock of these options; exposed for the cache that shares it. */
  Clock clock() {
    return options.clock();
  }
}
