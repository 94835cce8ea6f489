package dev.registryclient.core.auth;

import dev.registryclient.api.auth.Credentials;
import dev.registryclient.core.transport.Chain;
import dev.registryclient.core.transport.Interceptor;
import dev.registryclient.core.transport.OriginGuard;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates requests to registries, the way the distribution token spec describes:
 *
 * <ol>
 *   <li>a request whose origin is not its registry's (a CDN after a redirect) goes out with no
 *       {@code Authorization} at all;
 *   <li>the registry is pinged once ({@code GET /v2/}) to learn its challenge;
 *   <li>the request gets Basic credentials or a bearer token for the scopes it needs;
 *   <li>a 401 drops the token and asks once more (with the challenge's scope); a 401/403 {@code
 *       insufficient_scope} asks once for the wider scope; then the failure is final: {@code
 *       AuthenticationException} or {@code AuthorizationException} naming the host.
 * </ol>
 *
 * <p>A client without credentials is never told {@code AuthorizationException} by a registry that
 * authenticates: its refusals ({@code insufficient_scope}, 401, 403) are {@code
 * AuthenticationException} "credentials required", so a tool can tell "log in" from "you may not"
 * by type. With credentials, plain 403 ({@code DENIED}) and other statuses are returned for the
 * caller to map.
 */
public final class AuthInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(AuthInterceptor.class);
  private final RegistrySessions sessions;
  private final RequestAuthorizer authorizer;

  /** An auth layer with its own (per-client) token cache. */
  public AuthInterceptor(AuthOptions options) {
    this.sessions = new RegistrySessions(options.credentials());
    this.authorizer = new RequestAuthorizer(options);
  }

  @Override
  public boolean followsUp() {
    return true;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!request.isForRegistry()) {
      return chain.proceed(OriginGuard.guard(request));
    }
    if (request.isSideRequest()) {
      return chain.proceed(request); // our own ping or token request: it carries what it needs
    }
    Exchange below = sideRequests(chain.transport(), request);
    PingResult ping = sessions.ping(request.registry(), below);
    Credentials credentials = sessions.credentials(request);
    List<Scope> scopes = ScopeResolver.forRequest(request);
    RequestAuthorizer.Authorized first =
        authorizer.authorize(request, ping.preferredChallenge(), scopes, credentials, below);
    Response response = chain.proceed(first.request());
    if (response.status() != 401 && response.status() != 403) {
      return response;
    }
    Optional<AuthChallenge> challenge = challengeOf(response).or(ping::preferredChallenge);
    boolean insufficientScope = challenge.map(AuthChallenge::isInsufficientScope).orElse(false);
    // the registry authenticates, so a refusal of an anonymous client means "log in"
    boolean anonymous = credentials.isAnonymous() && ping.preferredChallenge().isPresent();
    if (response.status() == 403 && !insufficientScope && anonymous) {
      throw AuthFailures.denied(request, scopes, response, challenge, true);
    }
    if ((response.status() == 403 && !insufficientScope) || !request.isReplayable()) {
      return response;
    }
    boolean sentBasic =
        first.request().header("Authorization").filter(h -> h.startsWith("Basic ")).isPresent();
    if (response.status() == 401 && !insufficientScope && (sentBasic || challenge.isEmpty())) {
      throw AuthFailures.refused(request, scopes, response, credentials.isAnonymous());
    }
    if (!insufficientScope) {
      authorizer.invalidate(first); // invalid_token, expired, revoked: never reuse it
    }
    List<Scope> wider = widen(scopes, challenge);
    if (insufficientScope && wider.equals(scopes)) {
      // nothing wider to ask for
      throw AuthFailures.denied(request, wider, response, challenge, credentials.isAnonymous());
    }
    response.close();
    LOG.debug(
        "{} answered {} to {}; asking again with scope {}",
        request.registry(),
        response.status(),
        request.uri(),
        wider);
    RequestAuthorizer.Authorized second =
        authorizer.authorize(request, challenge, wider, credentials, below);
    Response retry = chain.proceed(second.request());
    if (retry.status() != 401 && retry.status() != 403) {
      return retry;
    }
    Optional<AuthChallenge> again = challengeOf(retry);
    if (insufficientScope
        || again.map(AuthChallenge::isInsufficientScope).orElse(false)
        || anonymous && retry.status() == 403) {
      throw AuthFailures.denied(
          request, wider, retry, again.or(() -> challenge), credentials.isAnonymous());
    }
    if (retry.status() == 401) {
      throw AuthFailures.refused(request, wider, retry, credentials.isAnonymous());
    }
    return retry;
  }

  private static Optional<AuthChallenge> challengeOf(Response response) {
    try {
      return PingResult.preferred(
          ChallengeParser.parse(response.headers().all("WWW-Authenticate")));
    } catch (IllegalArgumentException e) {
      LOG.debug("ignoring unreadable WWW-Authenticate from {}: {}", response.uri(), e.getMessage());
      return Optional.empty();
    }
  }

  private static List<Scope> widen(List<Scope> scopes, Optional<AuthChallenge> challenge) {
    List<Scope> all = new ArrayList<>(scopes);
    for (String s : challenge.map(AuthChallenge::scopes).orElse(List.of())) {
      try {
        all.add(Scope.parse(s));
      } catch (IllegalArgumentException e) {
        LOG.debug("ignoring unusable scope in challenge: {}", s);
      }
    }
    return Scope.merge(all);
  }

  /**
   * Sends the ping and token requests of {@code request} from the top of the chain (user agent,
   * retries, redirects, host ledger), drawing on the same retry budget.
   */
  private static Exchange sideRequests(Transport transport, Request request) {
    return side -> {
      Request.Builder b = side.newBuilder().sideRequest();
      request.retryBudget().ifPresent(b::retryBudget);
      return transport.execute(b.build());
    };
  }
}
