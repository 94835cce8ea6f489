package dev.registryclient.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.config.RegistryRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The deprecated version 1 format, {@code [registries.search]}, {@code [registries.insecure]} and
 * {@code [registries.block]} lists of registries (RHEL 7 and old Fedora still ship it), converted
 * as containers/image converts it: every listed registry becomes a rule with that registry as
 * prefix, insecure and/or blocked. The search list only matters for short names, which
 * registry-client does not resolve.
 */
final class RegistriesConfV1 {
  private static final List<String> LISTS = List.of("search", "insecure", "block");

  private RegistriesConfV1() {}

  /** Whether the file uses the version 1 format: a list under {@code [registries.*]}. */
  static boolean present(TomlPlace top) {
    Optional<ObjectNode> registries = top.table("registries");
    if (registries.isEmpty()) {
      return false;
    }
    TomlPlace v1 = place(top, registries.get());
    for (String list : LISTS) {
      if (v1.table(list).map(t -> t.has("registries")).orElse(false)) {
        return true;
      }
    }
    return false;
  }

  static RegistryConfig rules(TomlPlace top) {
    TomlPlace v1 = place(top, top.table("registries").orElseThrow());
    RegistriesConfParser.logUnknownKeys(v1, Set.copyOf(LISTS), Set.of());
    Map<String, boolean[]> flags = new LinkedHashMap<>(); // {insecure, blocked}
    for (String location : locations(v1, "block")) {
      flags.computeIfAbsent(location, l -> new boolean[2])[1] = true;
    }
    for (String location : locations(v1, "insecure")) {
      flags.computeIfAbsent(location, l -> new boolean[2])[0] = true;
    }
    List<RegistryRule> rules = new ArrayList<>();
    flags.forEach(
        (location, f) -> {
          try {
            rules.add(new RegistryRule(location, Optional.empty(), f[0], f[1], List.of()));
          } catch (IllegalArgumentException e) {
            throw v1.error(e.getMessage());
          }
        });
    return RegistryConfig.of(rules);
  }

  private static List<String> locations(TomlPlace v1, String list) {
    Optional<ObjectNode> table = v1.table(list);
    if (table.isEmpty()) {
      return List.of();
    }
    TomlPlace place =
        new TomlPlace(v1.origin(), "[registries." + list + "]", OptionalInt.empty(), table.get());
    List<String> result = new ArrayList<>();
    for (String value : place.strings("registries")) {
      String location = RegistriesConfParser.cleanLocation(place, "registry", value);
      if (location.isEmpty()) {
        throw place.error("an empty registry in the list");
      }
      result.add(location);
    }
    return result;
  }

  private static TomlPlace place(TomlPlace top, ObjectNode registries) {
    return new TomlPlace(top.origin(), "[registries]", OptionalInt.empty(), registries);
  }
}
