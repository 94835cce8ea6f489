package dev.registryclient.core.auth;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A cache where concurrent callers asking for the same missing key share one load: the first caller
 * loads, the others wait for its result (or its failure). Failed loads are not kept.
 */
final class SingleFlight<K, V> {
  private final ConcurrentHashMap<K, CompletableFuture<V>> entries = new ConcurrentHashMap<>();

  /** The cached value if {@code usable}, else the value of one shared call to {@code load}. */
  V get(K key, Predicate<V> usable, Supplier<V> load) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> chosen =
        entries.compute(key, (k, current) -> reusable(current, usable) ? current : mine);
    if (chosen != mine) {
      return await(chosen);
    }
    try {
      V value = load.get();
      mine.complete(value);
      return value;
    } catch (RuntimeException | Error e) {
      entries.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** Drops the entry if it still holds {@code stale}, so the next caller loads afresh. */
  void invalidate(K key, V stale) {
    entries.computeIfPresent(
        key, (k, current) -> current.isDone() && current.getNow(null) == stale ? null : current);
  }

  private boolean reusable(CompletableFuture<V> current, Predicate<V> usable) {
    if (current == null) {
      return false;
    }
    if (!current.isDone()) {
      return true; // in flight: wait for it
    }
    return !current.isCompletedExceptionally() && usable.test(current.join());
  }

  private static <V> V await(CompletableFuture<V> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
