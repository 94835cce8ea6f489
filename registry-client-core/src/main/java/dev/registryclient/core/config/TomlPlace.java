package dev.registryclient.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.exception.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A table of a parsed TOML file and where it is ({@code [[registry]] #2}, line 14), with typed
 * getters whose errors say which key of which table has the wrong type.
 */
record TomlPlace(String origin, String label, OptionalInt line, ObjectNode table) {

  ConfigurationException error(String detail) {
    return ConfigFile.error(origin, line, (label.isEmpty() ? "" : label + ": ") + detail);
  }

  /** A string value; absent is empty. */
  Optional<String> string(String key) {
    JsonNode value = table.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw error(key + " must be a string, not " + kind(value));
    }
    return Optional.of(value.textValue());
  }

  /** A boolean value; absent is {@code false}. */
  boolean bool(String key) {
    JsonNode value = table.get(key);
    if (value == null) {
      return false;
    }
    if (!value.isBoolean()) {
      throw error(key + " must be true or false, not " + kind(value));
    }
    return value.booleanValue();
  }

  /** An array of strings; absent is empty. */
  List<String> strings(String key) {
    JsonNode value = table.get(key);
    if (value == null) {
      return List.of();
    }
    List<String> result = new ArrayList<>();
    if (value instanceof ArrayNode array) {
      for (JsonNode item : array) {
        if (!item.isTextual()) {
          throw error(key + " must be an array of strings, it holds " + kind(item));
        }
        result.add(item.textValue());
      }
      return result;
    }
    throw error(key + " must be an array of strings, not " + kind(value));
  }

  /** An array of tables ({@code [[key]]}); absent is empty. */
  List<ObjectNode> tables(String key) {
    JsonNode value = table.get(key);
    if (value == null) {
      return List.of();
    }
    List<ObjectNode> result = new ArrayList<>();
    if (value instanceof ArrayNode array) {
      for (JsonNode item : array) {
        if (!(item instanceof ObjectNode object)) {
          throw error(key + " must be an array of tables, it holds " + kind(item));
        }
        result.add(object);
      }
      return result;
    }
    throw error(key + " must be an array of tables ([[" + key + "]]), not " + kind(value));
  }

  /** A table ({@code [key]}); absent is empty. */
  Optional<ObjectNode> table(String key) {
    JsonNode value = table.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof ObjectNode object) {
      return Optional.of(object);
    }
    throw error(key + " must be a table, not " + kind(value));
  }

  static String kind(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "a string";
      case BOOLEAN -> "a boolean";
      case NUMBER -> "a number";
      case ARRAY -> "an array";
      case OBJECT -> "a table";
      default -> "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }
}
