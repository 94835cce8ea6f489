package dev.registryclient.core.transport.proxy;

import dev.registryclient.core.transport.Origin;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code no_proxy} / {@code http.nonProxyHosts} list: {@code *}, host names (matching their
 * subdomains too), {@code .suffix}, {@code *.suffix} and {@code host:port} entries.
 */
final class NoProxy {
  private final List<String> entries;

  private NoProxy(List<String> entries) {
    this.entries = List.copyOf(entries);
  }

  static NoProxy parse(String list, String separator) {
    return new NoProxy(
        Arrays.stream(list.split(Pattern.quote(separator)))
            .map(e -> e.strip().toLowerCase(Locale.ROOT))
            .filter(e -> !e.isEmpty())
            .toList());
  }

  boolean matches(Origin origin) {
    for (String entry : entries) {
      if (entry.equals("*")) {
        return true;
      }
      String hostPart = entry;
      int colon = entry.lastIndexOf(':');
      if (colon > 0 && entry.indexOf(':') == colon && !entry.endsWith("]")) {
        if (!entry.substring(colon + 1).equals(Integer.toString(origin.port()))) {
          continue;
        }
        hostPart = entry.substring(0, colon);
      }
      if (hostMatches(hostPart, origin.host())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hostMatches(String entry, String host) {
    String e = entry.startsWith("*.") ? entry.substring(1) : entry;
    if (e.startsWith("[") && e.endsWith("]")) {
      e = e.substring(1, e.length() - 1);
    }
    if (e.startsWith(".")) {
      return host.endsWith(e) || host.equals(e.substring(1));
    }
    return host.equals(e) || host.endsWith("." + e);
  }

  @Override
  public String toString() {
    return String.join(",", entries);
  }
}
