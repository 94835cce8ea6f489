package dev.registryclient.examples.cli;

import dev.registryclient.core.transport.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hosts a pull talks to, in the order first seen, each with the roles it plays: {@code
 * registry}, {@code auth} (token realm), {@code blob-redirect} (a CDN blobs are sent on to).
 */
final class HostLedger {
  /** One host:port and what it is used for. */
  record Entry(Origin origin, Set<String> roles) {
    String roles(String separator) {
      return String.join(separator, roles);
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** Records that {@code origin} plays {@code role}. */
  void add(Origin origin, String role) {
    entries
        .computeIfAbsent(origin.hostWithPort(), k -> new Entry(origin, new LinkedHashSet<>()))
        .roles()
        .add(role);
  }

  /** Every host seen, in first-seen order. */
  List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }
}
