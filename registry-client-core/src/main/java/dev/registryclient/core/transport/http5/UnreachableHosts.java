package dev.registryclient.core.transport.http5;

import dev.registryclient.core.transport.Origin;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Remembers the origins whose TCP connect timed out, so that the next connects to them are short
 * probes instead of full-length waits. A host behind a firewall that drops packets would otherwise
 * cost the whole connect timeout on every retry of every blob; a probe still finds a host that came
 * back. A successful connect, or a minute without another timeout, forgets the host.
 */
final class UnreachableHosts {
  /** The connect timeout for a host that timed out recently (or the normal one if shorter). */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  /** How long a timeout is remembered. */
  static final Duration MEMORY = Duration.ofMinutes(1);

  private final Map<Origin, Long> timedOutAt = new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;

  UnreachableHosts(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /** Notes that a connect to {@code origin} timed out. */
  void connectTimedOut(Origin origin) {
    timedOutAt.put(origin, nanoClock.getAsLong());
  }

  /** Notes that {@code origin} answered: it is reachable. */
  void answered(Origin origin) {
    timedOutAt.remove(origin);
  }

  /** The connect timeout to use for {@code origin}. */
  Duration connectTimeout(Origin origin, Duration normal) {
    Long at = timedOutAt.get(origin);
    if (at == null) {
      return normal;
    }
    if (nanoClock.getAsLong() - at > MEMORY.toNanos()) {
      timedOutAt.remove(origin, at);
      return normal;
    }
    return normal.compareTo(PROBE_TIMEOUT) < 0 ? normal : PROBE_TIMEOUT;
  }
}
