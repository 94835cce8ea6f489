package dev.registryclient.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The lines of the {@code [[registry]]} and {@code [[registry.mirror]]} headers of a TOML text, so
 * that an error found after parsing can name its line: Jackson's TOML parser builds a tree without
 * positions. Only plain headers are found; when their count does not match the parsed entries (an
 * inline array, a header inside a multi-line string), no line is given rather than a wrong one.
 */
final class TableHeaderLines {
  private static final Pattern REGISTRY = Pattern.compile("\\s*\\[\\[\\s*registry\\s*]]\\s*(#.*)?");
  private static final Pattern MIRROR =
      Pattern.compile("\\s*\\[\\[\\s*registry\\s*\\.\\s*mirror\\s*]]\\s*(#.*)?");

  private final List<Integer> registries = new ArrayList<>();
  private final List<List<Integer>> mirrors = new ArrayList<>();

  private TableHeaderLines() {}

  static TableHeaderLines of(String text) {
    TableHeaderLines lines = new TableHeaderLines();
    String[] all = text.split("\r?\n", -1);
    for (int i = 0; i < all.length; i++) {
      if (REGISTRY.matcher(all[i]).matches()) {
        lines.registries.add(i + 1);
        lines.mirrors.add(new ArrayList<>());
      } else if (MIRROR.matcher(all[i]).matches() && !lines.mirrors.isEmpty()) {
        lines.mirrors.get(lines.mirrors.size() - 1).add(i + 1);
      }
    }
    return lines;
  }

  /** The line of registry {@code index} (0-based) of {@code count}, if the headers add up. */
  OptionalInt registry(int index, int count) {
    return registries.size() == count ? OptionalInt.of(registries.get(index)) : OptionalInt.empty();
  }

  /** The line of mirror {@code mirror} of {@code count} in registry {@code index} of {@code of}. */
  OptionalInt mirror(int index, int of, int mirror, int count) {
    if (registries.size() != of || mirrors.get(index).size() != count) {
      return registry(index, of);
    }
    return OptionalInt.of(mirrors.get(index).get(mirror));
  }
}
