package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.RecordedRequest.Origin;
import java.io.IOException;
import java.util.Optional;

/**
 * Applies faults that replace a response (status codes, 429, redirects, dead CDN hosts) before the
 * request reaches its handler, like a misbehaving load balancer in front of the registry. Also
 * answers the two URLs of the redirect loop, which bounce to each other forever.
 */
public final class FaultFilter extends Filter {
  /** Path prefix of the redirect loop's URLs. */
  public static final String LOOP = "/__loop/";

  private final Origin origin;
  private final FaultPlan plan;
  private final DeadHosts deadHosts;

  /** Applies {@code plan} to requests answered by {@code origin}. */
  public FaultFilter(Origin origin, FaultPlan plan, DeadHosts deadHosts) {
    this.origin = origin;
    this.plan = plan;
    this.deadHosts = deadHosts;
  }

  @Override
  public void doFilter(HttpExchange ex, Chain chain) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    if (path.startsWith(LOOP)) {
      redirect(ex, Exchanges.baseUrl(ex) + LOOP + (path.endsWith("/a") ? "b" : "a"));
      return;
    }
    Optional<Fault> fault = plan.takeResponseFault(Exchanges.target(ex, origin));
    if (fault.isEmpty()) {
      chain.doFilter(ex);
      return;
    }
    Fault f = fault.get();
    switch (f.kind()) {
      case STATUS -> Exchanges.error(ex, (int) f.amount(), ErrorCode.UNKNOWN, "injected fault");
      case TOO_MANY_REQUESTS -> {
        ex.getResponseHeaders().set("Retry-After", Long.toString(f.amount()));
        Exchanges.error(ex, ErrorCode.TOOMANYREQUESTS, "injected fault: slow down");
      }
      case REDIRECT -> redirect(ex, f.location());
      case REDIRECT_LOOP -> redirect(ex, Exchanges.baseUrl(ex) + LOOP + "a");
      case CDN_REFUSED -> redirect(ex, "http://" + deadHosts.refusing() + path);
      case CDN_CONNECT_TIMEOUT -> redirect(ex, "http://" + deadHosts.connectTimeout() + path);
      case CDN_READ_TIMEOUT -> redirect(ex, "http://" + deadHosts.readTimeout() + path);
      default -> chain.doFilter(ex); // body and upload faults are drawn by the handlers
    }
  }

  private static void redirect(HttpExchange ex, String location) throws IOException {
    ex.getResponseHeaders().set("Location", location);
    Exchanges.empty(ex, 302);
  }

  @Override
  public String description() {
    return "injects configured faults into " + origin + " responses";
  }
}
