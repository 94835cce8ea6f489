package dev.registryclient.core.transport;

import dev.registryclient.api.exception.RedirectException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows 301, 302, 303, 307 and 308 answers to GET and HEAD hop by hop, because HttpClient's own
 * redirect handling cannot keep credentials to the registry origin only. Each hop keeps {@link
 * Request#registry()} and goes through {@link OriginGuard}, so the auth layer below authenticates
 * only requests to the registry itself. Refuses (with {@link RedirectException}) more than {@link
 * RedirectPolicy#maxHops()} hops and downgrades from https to http the policy does not allow.
 *
 * <p>Signed CDN URLs expire. When a host the registry redirected to answers 400, 401 or 403, the
 * URL is not tried again: the request starts over at the registry once, for a fresh URL.
 */
public final class RedirectInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(RedirectInterceptor.class);
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Set<Integer> SIGNED_URL_REFUSALS = Set.of(400, 401, 403);

  private final RedirectPolicy policy;

  /**
   * Follows redirects as {@code policy} allows, reporting URL refreshes to the request's {@link
   * RetryBudget} (which the retry layer above always sets).
   *
   * @param policy the hop limit and the downgrade rule
   */
  public RedirectInterceptor(RedirectPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public boolean followsUp() {
    return true;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request original = chain.request();
    if (!original.method().equals("GET") && !original.method().equals("HEAD")) {
      return chain.proceed(original);
    }
    boolean refreshed = false;
    Request current = original;
    List<String> hops = new ArrayList<>(List.of(hop(original.uri())));
    while (true) {
      Response response = chain.proceed(current);
      Optional<String> location = response.header("Location");
      if (REDIRECTS.contains(response.status()) && location.isPresent()) {
        response.close();
        current = nextHop(current, location.get(), hops);
        hops.add(hop(current.uri()));
        continue;
      }
      if (!refreshed
          && hops.size() > 1
          && !current.isForRegistry()
          && SIGNED_URL_REFUSALS.contains(response.status())) {
        refreshed = true;
        response.close();
        reportRefresh(original, current, response.status());
        current = original;
        hops = new ArrayList<>(List.of(hop(original.uri())));
        continue;
      }
      return response;
    }
  }

  private Request nextHop(Request current, String location, List<String> hops) {
    if (hops.size() > policy.maxHops()) {
      throw new RedirectException(
          current.errorContext(),
          "stopped after " + policy.maxHops() + " redirects (a loop?): " + path(hops));
    }
    URI target;
    try {
      target = LocationResolver.resolve(current.uri(), location);
    } catch (IllegalArgumentException e) {
      throw new RedirectException(current.errorContext(), e.getMessage() + " after " + path(hops));
    }
    Origin to = Origin.of(target);
    if (!policy.allows(current.origin(), to)) {
      throw new RedirectException(
          current.errorContext(),
          "refusing to follow a redirect from "
              + current.origin()
              + " down to plain "
              + to
              + "; opt this host in with TransportBuilder.allowRedirectToHttp(\""
              + to.hostAndPort()
              + "\")");
    }
    LOG.debug("{} {} redirected to {}", current.method(), current.origin(), to);
    return OriginGuard.redirect(current, target);
  }

  private void reportRefresh(Request original, Request refused, int status) {
    RetryEvent event =
        new RetryEvent(
            RetryEvent.Kind.REFRESH_URL,
            2,
            2,
            RequestLabel.of(original),
            original.origin().hostWithPort(),
            Duration.ZERO,
            refused.origin().hostWithPort() + " refused the signed URL with HTTP " + status,
            Optional.empty());
    original
        .retryBudget()
        .ifPresentOrElse(budget -> budget.report(event), () -> LOG.info("{}", event));
  }

  private static String path(List<String> hops) {
    return String.join(" -> ", hops);
  }

  // Without the query: signed URLs carry signatures that do not belong in messages.
  private static String hop(URI uri) {
    return Origin.of(uri) + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }
}
