package dev.registryclient.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.registryclient.api.config.MirrorRule;
import dev.registryclient.api.config.PullFromMirror;
import dev.registryclient.api.config.RegistryConfig;
import dev.registryclient.api.config.RegistryRule;
import dev.registryclient.api.exception.ConfigurationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code registries.conf} text to rules, with the checks of containers/image's {@code
 * loadConfigFile} and {@code postProcessRegistries}: prefix defaults to location, location may be
 * empty only for a wildcard prefix, no URL schemes, {@code pull-from-mirror} only on mirrors and
 * not with {@code mirror-by-digest-only}, no conflicting {@code insecure}/{@code blocked} for one
 * registry, the first of several entries with one prefix wins. The version 1 format is converted
 * ({@link RegistriesConfV1}). Keys that do not change where images come from (short names, search
 * registries, credential helpers) are ignored and not checked; unknown keys are logged at debug.
 */
final class RegistriesConfParser {
  private static final Logger LOG = LoggerFactory.getLogger(RegistriesConfParser.class);
  private static final TomlMapper TOML = TomlMapper.builder().build();

  private static final Set<String> IGNORED =
      Set.of(
          "unqualified-search-registries",
          "credential-helpers",
          "short-name-mode",
          "additional-layer-store-auth-helper",
          "aliases");
  private static final Set<String> TOP = Set.of("registry", "registries");
  private static final Set<String> REGISTRY =
      Set.of(
          "prefix",
          "location",
          "insecure",
          "blocked",
          "mirror",
          "mirror-by-digest-only",
          "pull-from-mirror",
          "proxy");
  private static final Set<String> MIRROR =
      Set.of("location", "insecure", "pull-from-mirror", "proxy");

  private RegistriesConfParser() {}

  /** One entry as read: its rule, the registry it configures and where it is. */
  private record Entry(RegistryRule rule, String registry, TomlPlace place) {}

  /**
   * The rules of {@code text}.
   *
   * @param origin the file name, for messages
   * @param dropIn whether this is a {@code registries.conf.d} drop-in (version 2 only)
   */
  static RegistryConfig parse(String text, String origin, boolean dropIn) {
    TomlPlace top = new TomlPlace(origin, "", OptionalInt.empty(), readTree(text, origin));
    logUnknownKeys(top, TOP, IGNORED);
    if (RegistriesConfV1.present(top)) {
      if (dropIn) {
        throw top.error(
            "a registries.conf.d drop-in must use the version 2 format ([[registry]]),"
                + " not [registries.search/insecure/block]");
      }
      if (hasVersion2Keys(top.table())) {
        throw top.error(
            "mixes the version 1 format ([registries.search/insecure/block]) with version 2 keys");
      }
      return RegistriesConfV1.rules(top);
    }
    List<ObjectNode> tables = top.tables("registry");
    TableHeaderLines lines = TableHeaderLines.of(text);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      TomlPlace place =
          new TomlPlace(
              origin, "[[registry]] #" + (i + 1), lines.registry(i, tables.size()), tables.get(i));
      entries.add(entry(place, lines, i, tables.size()));
    }
    checkConflicts(entries);
    return RegistryConfig.of(firstOfEachPrefix(entries, origin));
  }

  private static ObjectNode readTree(String text, String origin) {
    JsonNode root;
    try {
      root = TOML.readTree(text);
    } catch (JacksonException e) {
      throw ConfigFile.tomlSyntax(origin, e);
    } catch (RuntimeException e) {
      // Jackson reports malformed TOML as JacksonException (the property tests found nothing
      // else); should its parser fail otherwise on some hostile file, that file is still what is
      // broken, and the caller gets the typed exception it was promised.
      throw new ConfigurationException(
          origin, OptionalInt.empty(), "not valid TOML: " + e.getMessage(), e);
    }
    if (root instanceof ObjectNode object) {
      return object;
    }
    return TOML.createObjectNode(); // an empty text
  }

  private static Entry entry(TomlPlace place, TableHeaderLines lines, int index, int count) {
    logUnknownKeys(place, REGISTRY, Set.of());
    String location = locationValue(place, "location");
    String prefix = locationValue(place, "prefix");
    if (prefix.isEmpty()) {
      if (location.isEmpty()) {
        throw place.error("both prefix and location are unset");
      }
      prefix = location;
    } else if (!prefix.startsWith("*.") && location.isEmpty()) {
      throw place.error(
          "location is unset and prefix " + prefix + " is not a wildcard (*.example.com)");
    }
    if (place.string("pull-from-mirror").filter(s -> !s.isEmpty()).isPresent()) {
      throw place.error(
          "pull-from-mirror must not be set for the registry "
              + prefix
              + ", only in its [[registry.mirror]] tables");
    }
    warnProxy(place);
    boolean digestOnly = place.bool("mirror-by-digest-only");
    List<ObjectNode> mirrorTables = place.tables("mirror");
    List<MirrorRule> mirrors = new ArrayList<>();
    for (int j = 0; j < mirrorTables.size(); j++) {
      TomlPlace mirror =
          new TomlPlace(
              place.origin(),
              place.label() + ", [[registry.mirror]] #" + (j + 1),
              lines.mirror(index, count, j, mirrorTables.size()),
              mirrorTables.get(j));
      mirrors.add(mirror(mirror, prefix, digestOnly));
    }
    Optional<String> relocation = location.isEmpty() ? Optional.empty() : Optional.of(location);
    try {
      RegistryRule rule =
          new RegistryRule(
              prefix, relocation, place.bool("insecure"), place.bool("blocked"), mirrors);
      return new Entry(rule, location.isEmpty() ? prefix : location, place);
    } catch (IllegalArgumentException e) {
      throw place.error(e.getMessage());
    }
  }

  private static MirrorRule mirror(TomlPlace place, String prefix, boolean digestOnly) {
    logUnknownKeys(place, MIRROR, Set.of());
    warnProxy(place);
    String location = locationValue(place, "location");
    if (location.isEmpty()) {
      throw place.error("the mirror's location is unset");
    }
    String pull = place.string("pull-from-mirror").orElse("");
    if (digestOnly && !pull.isEmpty()) {
      throw place.error(
          "mirror-by-digest-only is set for the registry "
              + prefix
              + ", so its mirrors cannot set pull-from-mirror");
    }
    PullFromMirror pullFrom =
        switch (pull) {
          case "", "all" -> digestOnly ? PullFromMirror.DIGEST_ONLY : PullFromMirror.ALL;
          case "digest-only" -> PullFromMirror.DIGEST_ONLY;
          case "tag-only" -> PullFromMirror.TAG_ONLY;
          default ->
              throw place.error(
                  "pull-from-mirror \"" + pull + "\" is not all, digest-only or tag-only");
        };
    try {
      return new MirrorRule(location, place.bool("insecure"), pullFrom);
    } catch (IllegalArgumentException e) {
      throw place.error(e.getMessage());
    }
  }

  private static String locationValue(TomlPlace place, String key) {
    return cleanLocation(place, key, place.string(key).orElse(""));
  }

  /** A prefix or location: trimmed of trailing {@code /}, never a URL. */
  static String cleanLocation(TomlPlace place, String what, String raw) {
    String value = raw.strip();
    if (value.contains("://")) {
      throw place.error(
          what + " " + value + ": URL schemes are not supported, write host[:port][/namespace...]");
    }
    while (value.endsWith("/")) {
      value = value.substring(0, value.length() - 1);
    }
    return value;
  }

  /** As containers/image: one registry configured twice must agree on insecure and blocked. */
  private static void checkConflicts(List<Entry> entries) {
    Map<String, Entry> first = new HashMap<>();
    for (Entry entry : entries) {
      Entry other = first.putIfAbsent(entry.registry(), entry);
      if (other != null && entry.rule().insecure() != other.rule().insecure()) {
        throw conflict(entry, other, "insecure");
      }
      if (other != null && entry.rule().blocked() != other.rule().blocked()) {
        throw conflict(entry, other, "blocked");
      }
    }
  }

  private static ConfigurationException conflict(Entry entry, Entry other, String setting) {
    return entry
        .place()
        .error(
            "registry "
                + entry.registry()
                + " is configured again with another "
                + setting
                + " setting (see "
                + other.place().label()
                + ")");
  }

  private static List<RegistryRule> firstOfEachPrefix(List<Entry> entries, String origin) {
    Map<String, RegistryRule> byPrefix = new LinkedHashMap<>();
    for (Entry entry : entries) {
      if (byPrefix.putIfAbsent(entry.rule().prefix(), entry.rule()) != null) {
        LOG.debug(
            "{}: {} repeats prefix {}; the first entry counts",
            origin,
            entry.place().label(),
            entry.rule().prefix());
      }
    }
    return new ArrayList<>(byPrefix.values());
  }

  private static boolean hasVersion2Keys(ObjectNode root) {
    for (String key : List.of("registry", "unqualified-search-registries", "credential-helpers")) {
      if (root.has(key)) {
        return true;
      }
    }
    return root.has("aliases")
        || !root.path("short-name-mode").asText("").isEmpty()
        || !root.path("additional-layer-store-auth-helper").asText("").isEmpty();
  }

  private static void warnProxy(TomlPlace place) {
    if (place.table().has("proxy")) {
      LOG.warn(
          "{}: {}: proxy is not supported by registry-client and is ignored; configure the"
              + " proxy for the whole client instead",
          place.origin(),
          place.label());
    }
  }

  static void logUnknownKeys(TomlPlace place, Set<String> known, Set<String> ignored) {
    place
        .table()
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (ignored.contains(key)) {
                LOG.debug("{}: {} does not affect registry-client", place.origin(), key);
              } else if (!known.contains(key)) {
                LOG.debug(
                    "{}: ignoring unknown key {}{}",
                    place.origin(),
                    key,
                    place.label().isEmpty() ? "" : " in " + place.label());
              }
            });
  }
}
