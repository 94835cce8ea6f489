package dev.registryclient.testkit.internal;

import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.RecordedRequest.Origin;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The configured faults with their remaining uses; the first match with uses left wins. */
public final class FaultPlan {
  private record Entry(Fault fault, AtomicInteger left) {}

  private final List<Entry> entries;

  /** A plan of {@code faults} in the given order. */
  public FaultPlan(List<Fault> faults) {
    this.entries = faults.stream().map(f -> new Entry(f, new AtomicInteger(f.times()))).toList();
  }

  /** Whether any fault of this kind is configured (to prepare dead hosts only when needed). */
  public boolean contains(Fault.Kind kind) {
    return entries.stream().anyMatch(e -> e.fault().kind() == kind);
  }

  /** Draws a fault that replaces the response, if one matches. */
  public Optional<Fault> takeResponseFault(Origin origin, String method, String path) {
    return take(origin, method, path, false);
  }

  /** Draws a fault that alters a served body, if one matches. */
  public Optional<Fault> takeBodyFault(Origin origin, String method, String path) {
    return take(origin, method, path, true);
  }

  private Optional<Fault> take(Origin origin, String method, String path, boolean body) {
    for (Entry e : entries) {
      if (e.fault().kind().isBodyFault() == body
          && e.fault().matches(origin, method, path)
          && e.left().getAndUpdate(n -> n > 0 && n != Integer.MAX_VALUE ? n - 1 : n) > 0) {
        return Optional.of(e.fault());
      }
    }
    return Optional.empty();
  }
}
