package dev.registryclient.api.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Defensive copies for the value types. Not part of the public API. */
public final class Immutables {
  private Immutables() {}

  /**
   * An unmodifiable copy of {@code map} that keeps its iteration order (so documents written back
   * from a value keep their key order), rejecting {@code null} keys and values.
   */
  public static <K, V> Map<K, V> orderedMap(Map<K, V> map, String what) {
    Objects.requireNonNull(map, what);
    if (map.isEmpty()) {
      return Map.of();
    }
    LinkedHashMap<K, V> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) ->
            copy.put(
                Objects.requireNonNull(k, () -> what + " key"),
                Objects.requireNonNull(v, () -> what + " value of " + k)));
    return Collections.unmodifiableMap(copy);
  }

  /** An unmodifiable copy of {@code list}, rejecting {@code null} elements. */
  public static <T> List<T> list(List<T> list, String what) {
    return List.copyOf(Objects.requireNonNull(list, what));
  }

  /** A copy of {@code bytes}, rejecting {@code null}. */
  public static byte[] bytes(byte[] bytes, String what) {
    return Objects.requireNonNull(bytes, what).clone();
  }

  /** {@code s} quoted for an error message, cut after 200 characters. */
  public static String quote(String s) {
    return "\"" + (s.length() <= 200 ? s : s.substring(0, 200) + "...") + "\"";
  }
}
