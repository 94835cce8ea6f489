package dev.registryclient.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

  /** A recursive-descent reader; depth is bounded so hostile input cannot overflow the stack. */
  private static final class JsonReader {
    private static final int MAX_DEPTH = 64;
    private final String s;
    private int pos;

    JsonReader(String s) {
      this.s = s;
    }

    Object readDocument() {
      Object value = readValue(0);
      skipSpace();
      if (pos != s.length()) {
        throw error("trailing characters");
      }
      return value;
    }

    private Object readValue(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nesting deeper than " + MAX_DEPTH);
      }
      skipSpace();
      if (pos >= s.length()) {
        throw error("unexpected end");
      }
      char c = s.charAt(pos);
      return switch (c) {
        case '{' -> readObject(depth);
        case '[' -> readArray(depth);
        case '"' -> readString();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> readNumber();
      };
    }

    private Map<String, Object> readObject(int depth) {
      Map<String, Object> map = new LinkedHashMap<>();
      pos++;
      skipSpace();
      if (peek() == '}') {
        pos++;
        return map;
      }
      while (true) {
        skipSpace();
        if (peek() != '"') {
          throw error("expected a member name");
        }
        String key = readString();
        skipSpace();
        expect(':');
        map.put(key, readValue(depth + 1));
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> readArray(int depth) {
      List<Object> list = new ArrayList<>();
      pos++;
      skipSpace();
      if (peek() == ']') {
        pos++;
        return list;
      }
      while (true) {
        list.add(readValue(depth + 1));
        skipSpace();
        if (peek() == ',') {
          pos++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String readString() {
      StringBuilder sb = new StringBuilder();
      pos++;
      while (true) {
        if (pos >= s.length()) {
          throw error("unterminated string");
        }
        char c = s.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        char e = pos < s.length() ? s.charAt(pos++) : ' ';
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            if (pos + 4 > s.length()) {
              throw error("bad unicode escape");
            }
            try {
              sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("bad unicode escape");
            }
            pos += 4;
          }
          case '"', '\\', '/' -> sb.append(e);
          default -> throw error("bad escape");
        }
      }
    }

    private Object readNumber() {
      int start = pos;
      while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
      String n = s.substring(start, pos);
      try {
        if (n.matches("-?\\d{1,19}")) {
          try {
            return Long.parseLong(n);
          } catch (NumberFormatException beyondLong) {
            return Double.parseDouble(n);
          }
        }
        return Double.parseDouble(n);
      } catch (NumberFormatException e) {
        pos = start;
        throw error("unexpected character");
      }
    }

    private Object literal(String word, Object value) {
      if (!s.startsWith(word, pos)) {
        throw error("unexpected character");
      }
      pos += word.length();
      return value;
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private char peek() {
      return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private void skipSpace() {
      while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("invalid JSON at offset " + pos + ": " + what);
    }
  }
}
