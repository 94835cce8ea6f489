package dev.registryclient.core.internal.json;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Renders what {@link Json} parsed back to compact JSON text (for error {@code detail}s). */
public final class JsonWriter {
  private JsonWriter() {}

  /** Compact JSON text for a parsed value. */
  public static String render(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object value) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof String s) {
      quote(sb, s);
    } else if (value instanceof Map<?, ?> map) {
      sb.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        quote(sb, String.valueOf(e.getKey()));
        sb.append(':');
        write(sb, e.getValue());
        sb.append(it.hasNext() ? "," : "");
      }
      sb.append('}');
    } else if (value instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        sb.append(i > 0 ? "," : "");
        write(sb, list.get(i));
      }
      sb.append(']');
    } else {
      sb.append(value);
    }
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}
