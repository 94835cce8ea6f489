package dev.registryclient.core.error;

import dev.registryclient.api.exception.RegistryError;
import dev.registryclient.core.internal.io.BoundedRead;
import dev.registryclient.core.internal.json.Json;
import dev.registryclient.core.internal.json.JsonException;
import dev.registryclient.core.internal.json.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a registry error body: the distribution-spec {@code {"errors":[{"code","message",
 * "detail"}]}}, other JSON shapes registries send ({@code {"error": ...}}, {@code {"details":
 * ...}}), or plain text and HTML. Never fails: whatever the body is, the result describes it.
 *
 * <pre>{@code
 * ErrorBody body = ErrorBodyParser.parse(response.body());
 * if (body.hasCode("MANIFEST_UNKNOWN")) { ... }
 * }</pre>
 *
 * <p>At most {@value #MAX_BODY} bytes are read (as go-containerregistry does); a text body is
 * quoted up to {@value #MAX_TEXT} characters.
 */
public final class ErrorBodyParser {
  /** The most bytes of a body that are read. */
  public static final int MAX_BODY = 64 * 1024;

  /** The most characters of a non-spec body quoted in {@link ErrorBody#text()}. */
  public static final int MAX_TEXT = 1024;

  private ErrorBodyParser() {}

  /** Reads and parses at most {@value #MAX_BODY} bytes of the stream (the caller closes it). */
  public static ErrorBody parse(InputStream body) throws IOException {
    BoundedRead read = BoundedRead.of(body, MAX_BODY);
    return parse(new String(read.bytes(), StandardCharsets.UTF_8));
  }

  /** Parses a body already read. */
  public static ErrorBody parse(String body) {
    String trimmed = body.strip();
    if (trimmed.isEmpty()) {
      return ErrorBody.empty();
    }
    try {
      Object json = Json.parse(trimmed);
      if (json instanceof Map<?, ?> map) {
        return fromJson(map, trimmed);
      }
    } catch (JsonException notJson) {
      // a text or HTML body, or JSON cut at the size cap: quoted below
    }
    return new ErrorBody(List.of(), quote(trimmed));
  }

  private static ErrorBody fromJson(Map<?, ?> map, String raw) {
    if (map.get("errors") instanceof List<?> entries) {
      List<RegistryError> errors = new ArrayList<>();
      for (Object entry : entries) {
        if (entry instanceof Map<?, ?> e) {
          errors.add(entryOf(e));
        }
      }
      if (!errors.isEmpty()) {
        return new ErrorBody(errors, "");
      }
    }
    for (String key : List.of("error", "details", "message", "error_description")) {
      if (map.get(key) instanceof String s && !s.isBlank()) {
        return new ErrorBody(List.of(), quote(s));
      }
    }
    return new ErrorBody(List.of(), quote(raw));
  }

  private static RegistryError entryOf(Map<?, ?> e) {
    String code = e.get("code") instanceof String c ? c : "UNKNOWN";
    String message = e.get("message") instanceof String m ? m : "";
    Object detail = e.get("detail");
    return new RegistryError(
        code, message, detail == null ? Optional.empty() : Optional.of(JsonWriter.render(detail)));
  }

  private static String quote(String text) {
    String oneLine = text.replaceAll("[\\p{Cntrl}&&[^\t]]+", " ").strip();
    return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT) + "...";
  }
}
