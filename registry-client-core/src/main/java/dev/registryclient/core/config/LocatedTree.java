package dev.registryclient.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.registryclient.api.exception.ConfigurationException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads one JSON or YAML document into a tree that remembers the line of every key and list item,
 * so that errors about a value can name where it is. Jackson's trees keep no locations, hence this
 * small reader over its token stream. Duplicate keys are errors (containers/image's JSON and YAML
 * readers refuse them too); nesting is capped at {@value #MAX_DEPTH} levels.
 */
final class LocatedTree {
  static final int MAX_DEPTH = 64;

  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build();
  private static final JsonFactory JSON =
      JsonFactory.builder().streamReadConstraints(LIMITS).build();
  private static final YAMLFactory YAML =
      YAMLFactory.builder().streamReadConstraints(LIMITS).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, Integer> lines = new HashMap<>();
  private final String origin;
  private final String format;
  private final boolean yaml;

  private LocatedTree(String origin, String format) {
    this.origin = origin;
    this.format = format;
    this.yaml = format.equals("YAML");
  }

  /** The one JSON value of {@code text}; nothing may follow it. */
  static Located json(String text, String origin) {
    return new LocatedTree(origin, "JSON").read(JSON, text, true);
  }

  /** The first YAML document of {@code text} (as Go's yaml.Unmarshal reads); null when empty. */
  static Located yaml(String text, String origin) {
    return new LocatedTree(origin, "YAML").read(YAML, text, false);
  }

  private Located read(JsonFactory factory, String text, boolean alone) {
    try (JsonParser parser = factory.createParser(text)) {
      JsonNode root;
      if (parser.nextToken() == null) {
        root = NODES.nullNode();
        lines.put("", 1);
      } else {
        lines.put("", parser.currentTokenLocation().getLineNr());
        root = value(parser, "");
        if (alone && parser.nextToken() != null) {
          throw ConfigFile.error(
              origin,
              OptionalInt.of(parser.currentTokenLocation().getLineNr()),
              "more than one " + format + " value");
        }
      }
      return new Located(new Document(origin, format, Map.copyOf(lines)), "", root);
    } catch (JacksonException e) {
      throw ConfigFile.syntax(origin, format, e);
    } catch (IOException e) {
      throw new ConfigurationException(origin, OptionalInt.empty(), "cannot be read: " + e, e);
    }
  }

  private JsonNode value(JsonParser parser, String path) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          String child = Located.member(path, name);
          int line = parser.currentTokenLocation().getLineNr();
          if (object.has(name)) {
            throw ConfigFile.error(
                origin,
                OptionalInt.of(line),
                (path.isEmpty() ? "" : path + ": ")
                    + "key \""
                    + name
                    + "\" appears twice (first on line "
                    + lines.get(child)
                    + ")");
          }
          lines.put(child, line);
          parser.nextToken();
          object.set(name, value(parser, child));
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
          String child = Located.item(path, i);
          lines.put(child, parser.currentTokenLocation().getLineNr());
          array.add(value(parser, child));
        }
        return array;
      case VALUE_STRING:
        String text = parser.getText();
        // Jackson reads YAML's "key:" as ""; Go as null, and every setting here takes both as unset
        return text.isEmpty() && yaml ? NODES.nullNode() : NODES.textNode(text);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      case VALUE_NULL:
        return NODES.nullNode();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        // no setting here is a number: only that it is one matters (and YAML's .inf has no value)
        return NODES.numberNode(0);
      default:
        // YAML's !!binary and the like
        return NODES.pojoNode(token.name());
    }
  }

  /** The document a value belongs to: its file, its format and the line of every path in it. */
  record Document(String origin, String format, Map<String, Integer> lines) {}
}
