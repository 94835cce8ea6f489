package dev.registryclient.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.exception.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A value of a document read by {@link LocatedTree} and where it is: its path ({@code
 * transports.docker["registry.redhat.io"][0].keyType}) and line. Its getters fail with a {@link
 * ConfigurationException} that names both.
 *
 * @param document the document
 * @param path the path of the value, {@code ""} for the document itself
 * @param node the value
 */
record Located(LocatedTree.Document document, String path, JsonNode node) {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  static String member(String path, String name) {
    if (PLAIN_KEY.matcher(name).matches()) {
      return path.isEmpty() ? name : path + "." + name;
    }
    return path + "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
  }

  static String item(String path, int index) {
    return path + "[" + index + "]";
  }

  /** The line of the value (of its key, for a member). */
  OptionalInt line() {
    Integer line = document.lines().get(path);
    return line == null ? OptionalInt.empty() : OptionalInt.of(line);
  }

  /** An error about this value, naming the file, the line and the path. */
  ConfigurationException error(String detail) {
    return ConfigFile.error(
        document.origin(), line(), (path.isEmpty() ? "" : path + ": ") + detail);
  }

  boolean isNull() {
    return node.isNull();
  }

  /** The members of an object, in document order; anything else is an error. */
  List<Map.Entry<String, Located>> members(String what) {
    if (!(node instanceof ObjectNode object)) {
      throw error(what + " must be " + article(objectWord()) + ", not " + kind());
    }
    List<Map.Entry<String, Located>> members = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      members.add(
          Map.entry(e.getKey(), new Located(document, member(path, e.getKey()), e.getValue())));
    }
    return members;
  }

  /** The member {@code name} of this object (which the caller checked is one), if present. */
  Optional<Located> get(String name) {
    JsonNode value = node.get(name);
    return value == null
        ? Optional.empty()
        : Optional.of(new Located(document, member(path, name), value));
  }

  /** The items of a list; anything else is an error. */
  List<Located> items(String what) {
    if (!(node instanceof ArrayNode array)) {
      throw error(what + " must be " + article(listWord()) + ", not " + kind());
    }
    List<Located> items = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      items.add(new Located(document, item(path, i), array.get(i)));
    }
    return items;
  }

  /** The string value; anything else is an error. */
  String text(String what) {
    if (!node.isTextual()) {
      throw error(what + " must be a string, not " + kind());
    }
    return node.textValue();
  }

  /** What the value is, for messages: "a string", "a number", "null", ... */
  String kind() {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case BOOLEAN -> "a boolean";
      case NUMBER -> "a number";
      case ARRAY -> article(listWord());
      case OBJECT -> article(objectWord());
      case NULL -> "null";
      default -> "a binary value";
    };
  }

  private String objectWord() {
    return document.format().equals("YAML") ? "mapping" : "object";
  }

  private String listWord() {
    return document.format().equals("YAML") ? "list" : "array";
  }

  private static String article(String word) {
    return (word.startsWith("a") || word.startsWith("o") ? "an " : "a ") + word;
  }
}
