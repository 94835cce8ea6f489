package dev.registryclient.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One order for several mirror lists of the same source, keeping each list's relative order where
 * the lists agree, as OpenShift merges ImageDigestMirrorSets: lists {@code a, b, c} and {@code c,
 * d, e} give {@code a, b, c, d, e}. The source itself is tried after every list's last mirror, so
 * it is dropped from the end. Where lists disagree ({@code a, b} and {@code b, a}) OpenShift leaves
 * the order unspecified; here the mirror seen first goes first.
 */
final class MirrorOrder {
  private MirrorOrder() {}

  static List<String> merge(String source, List<List<String>> lists) {
    Map<String, Set<String>> after = new LinkedHashMap<>(); // node -> nodes that must follow it
    for (List<String> list : lists) {
      for (String mirror : list) {
        after.computeIfAbsent(mirror, m -> new LinkedHashSet<>());
      }
      for (int i = 0; i + 1 < list.size(); i++) {
        edge(after, list.get(i), list.get(i + 1));
      }
      if (!list.contains(source)) {
        edge(after, list.get(list.size() - 1), source);
      }
    }
    List<String> order = new ArrayList<>();
    Map<String, Integer> incoming = new LinkedHashMap<>();
    after.keySet().forEach(node -> incoming.put(node, 0));
    after.values().forEach(next -> next.forEach(n -> incoming.merge(n, 1, Integer::sum)));
    while (!incoming.isEmpty()) {
      String pick =
          incoming.entrySet().stream()
              .filter(e -> e.getValue() == 0)
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(incoming.keySet().iterator().next()); // a cycle: the first seen
      incoming.remove(pick);
      order.add(pick);
      for (String next : after.get(pick)) {
        incoming.computeIfPresent(next, (n, count) -> count - 1);
      }
    }
    if (!order.isEmpty() && order.get(order.size() - 1).equals(source)) {
      order.remove(order.size() - 1);
    }
    return order;
  }

  private static void edge(Map<String, Set<String>> after, String from, String to) {
    after.computeIfAbsent(to, m -> new LinkedHashSet<>());
    if (!from.equals(to)) {
      after.get(from).add(to);
    }
  }
}
