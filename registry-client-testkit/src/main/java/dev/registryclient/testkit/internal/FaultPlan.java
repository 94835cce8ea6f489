package dev.registryclient.testkit.internal;

import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.RequestTarget;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The configured faults with their remaining uses and how often each fired; the first match with
 * uses left wins. Counts live here, not in {@link Fault}, because a fault is an immutable value
 * that several registries started from one builder share.
 */
public final class FaultPlan {
  private record Entry(Fault fault, AtomicInteger left, AtomicInteger fired) {}

  private final List<Entry> entries;

  /** A plan of {@code faults} in the given order. */
  public FaultPlan(List<Fault> faults) {
    this.entries =
        faults.stream()
            .map(f -> new Entry(f, new AtomicInteger(f.times()), new AtomicInteger()))
            .toList();
  }

  /** Whether any fault of this kind is configured (to prepare dead hosts only when needed). */
  public boolean contains(Fault.Kind kind) {
    return entries.stream().anyMatch(e -> e.fault().kind() == kind);
  }

  /** Whether a fault needs the servers behind a {@link ResettingPort} to end connections. */
  public boolean needsResets() {
    return contains(Fault.Kind.RESET_AFTER) || contains(Fault.Kind.CUT_UPLOAD_AFTER);
  }

  /** Draws a fault that replaces the response, if one matches. */
  public Optional<Fault> takeResponseFault(RequestTarget request) {
    return take(request, k -> !k.isBodyFault() && !k.isUploadFault());
  }

  /** Draws a fault that alters a served body, if one matches. */
  public Optional<Fault> takeBodyFault(RequestTarget request) {
    return take(request, Fault.Kind::isBodyFault);
  }

  /** Draws an upload fault of this kind, if one matches. */
  public Optional<Fault> takeUploadFault(RequestTarget request, Fault.Kind kind) {
    return take(request, k -> k == kind);
  }

  private Optional<Fault> take(RequestTarget request, Predicate<Fault.Kind> drawnHere) {
    for (Entry e : entries) {
      if (drawnHere.test(e.fault().kind())
          && e.fault().matches(request)
          && e.left().getAndUpdate(n -> n > 0 && n != Integer.MAX_VALUE ? n - 1 : n) > 0) {
        e.fired().incrementAndGet();
        return Optional.of(e.fault());
      }
    }
    return Optional.empty();
  }

  /** How often {@code fault} (this very instance) fired, over all its declarations. */
  public int timesFired(Fault fault) {
    return entries.stream().filter(e -> e.fault() == fault).mapToInt(e -> e.fired().get()).sum();
  }

  /** The declared faults that have not fired yet, in declaration order. */
  public List<Fault> unfired() {
    return entries.stream().filter(e -> e.fired().get() == 0).map(Entry::fault).toList();
  }
}
