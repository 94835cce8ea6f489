package dev.registryclient.core.transport;

import dev.registryclient.api.exception.Phase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every host:port a transport has contacted, and why: the registry itself, its token server, and
 * hosts reached through redirects (CDNs). Answers "which hosts must my firewall allow to pull this
 * image?" and feeds error messages. Thread-safe; shared by all calls of one transport.
 *
 * <pre>{@code
 * HostLedger ledger = new HostLedger();
 * Transport transport = TransportBuilder.create().hostLedger(ledger).build();
 * // ... pull ...
 * ledger.visits().forEach(v -> System.out.println(v.host() + " (" + v.phase() + ")"));
 * }</pre>
 */
public final class HostLedger {
  /**
   * One host contacted for one purpose.
   *
   * @param registry the registry the request belonged to (a token server is its own registry)
   * @param host the origin actually contacted
   * @param phase what for: ping, token, manifest, blob, ...
   * @param redirected whether the host was reached through a redirect from the registry
   */
  public record Visit(Origin registry, Origin host, Phase phase, boolean redirected) {}

  private final Set<Visit> visits = new LinkedHashSet<>();

  /**
   * Notes that {@code request} is about to go out.
   *
   * @param request the request about to be sent
   */
  public void record(Request request) {
    Visit visit =
        new Visit(request.registry(), request.origin(), request.phase(), !request.isForRegistry());
    synchronized (visits) {
      visits.add(visit);
    }
  }

  /**
   * Distinct visits in the order first seen.
   *
   * @return the visits, a snapshot
   */
  public List<Visit> visits() {
    synchronized (visits) {
      return List.copyOf(new ArrayList<>(visits));
    }
  }

  /**
   * The distinct hosts contacted for {@code registry}, in the order first seen.
   *
   * @param registry the registry's origin
   * @return the origins contacted for it (itself and any redirect targets)
   */
  public Set<Origin> hostsFor(Origin registry) {
    Set<Origin> hosts = new LinkedHashSet<>();
    for (Visit v : visits()) {
      if (v.registry().equals(registry)) {
        hosts.add(v.host());
      }
    }
    return hosts;
  }

  /**
   * An interceptor, placed just above the engine, that records each request on the wire.
   *
   * @return the recording interceptor
   */
  public Interceptor recorder() {
    return new Interceptor() {
      @Override
      public Response intercept(Chain chain) throws IOException {
        record(chain.request());
        return chain.proceed(chain.request());
      }

      @Override
      public boolean followsUp() {
        return false;
      }
    };
  }

  @Override
  public String toString() {
    return "HostLedger" + visits();
  }
}
