package dev.registryclient.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny JSON writer and reader for the few documents the test kit builds and reads (error bodies,
 * token responses, tag lists, manifests). Objects are {@link Map}s that keep insertion order,
 * arrays are {@link List}s, numbers are {@link Long} or {@link Double}.
 *
 * <p>The pretty form matches Go's {@code json.MarshalIndent} layout, which libtrust and schema 1
 * manifests use, so signed documents look like the ones real registries serve.
 *
 * <p>Why not Jackson, which the client uses: the kit depends on the api module and the JDK only,
 * like go-containerregistry's {@code pkg/registry}, so it puts no library on a user's test class
 * path (whose Jackson version may differ) and, as a referee, shares no parser with the client it
 * checks. It reads only the manifests that tests push to it.
 */
public final class Json {
  private Json() {}

  /** An insertion-ordered object builder: {@code Json.object("a", 1, "b", "x")}. */
  public static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        map.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return map;
  }

  /** Compact JSON. */
  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, null, "");
    return sb.toString();
  }

  /** Compact JSON as UTF-8 bytes. */
  public static byte[] bytes(Object value) {
    return write(value).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Indented JSON like Go's {@code json.MarshalIndent(v, prefix, indent)}: every line after the
   * first starts with {@code prefix}.
   */
  public static String pretty(Object value, String prefix, String indent) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, indent, prefix);
    return sb.toString();
  }

  /** Parses a JSON document; throws {@link IllegalArgumentException} naming the position. */
  public static Object parse(String text) {
    return new JsonReader(text).readDocument();
  }

  /** Parses a JSON object; throws {@link IllegalArgumentException} for anything else. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(byte[] utf8) {
    Object value = parse(new String(utf8, StandardCharsets.UTF_8));
    if (!(value instanceof Map)) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    return (Map<String, Object>) value;
  }

  private static void write(StringBuilder sb, Object value, String indent, String current) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof String s) {
      quote(sb, s);
    } else if (value instanceof Number || value instanceof Boolean) {
      sb.append(value);
    } else if (value instanceof Map<?, ?> map) {
      writeMembers(sb, map.entrySet(), '{', '}', indent, current);
    } else if (value instanceof List<?> list) {
      writeMembers(sb, list, '[', ']', indent, current);
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON");
    }
  }

  private static void writeMembers(
      StringBuilder sb, Iterable<?> members, char open, char close, String indent, String current) {
    sb.append(open);
    String inner = indent == null ? "" : current + indent;
    boolean first = true;
    for (Object member : members) {
      sb.append(first ? "" : ",");
      first = false;
      if (indent != null) {
        sb.append('\n').append(inner);
      }
      Object value = member;
      if (member instanceof Map.Entry<?, ?> e) {
        quote(sb, String.valueOf(e.getKey()));
        sb.append(indent == null ? ":" : ": ");
        value = e.getValue();
      }
      write(sb, value, indent, inner);
    }
    if (!first && indent != null) {
      sb.append('\n').append(current);
    }
    sb.append(close);
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          // like Go: control characters and HTML-significant characters are escaped
          if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
