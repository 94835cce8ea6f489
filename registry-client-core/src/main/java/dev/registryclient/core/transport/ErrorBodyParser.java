package dev.registryclient.core.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryclient.api.exception.RegistryError;
import dev.registryclient.core.internal.io.BoundedRead;
import dev.registryclient.core.internal.json.Json;
import dev.registryclient.core.internal.json.JsonException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a registry error body into something a message can quote. Never fails: whatever the body
 * is, the result describes it, and never as raw JSON or markup.
 *
 * <table>
 *   <caption>what each shape yields</caption>
 *   <tr><th>body</th><th>yields</th></tr>
 *   <tr><td>distribution spec {@code {"errors":[{"code","message","detail"}]}}</td>
 *       <td>{@link ErrorBody#errors()}</td></tr>
 *   <tr><td>Quay {@code {"error_message","error_type","title","detail"}}</td>
 *       <td>{@code error_message} (else {@code detail}, {@code title})</td></tr>
 *   <tr><td>{@code {"message": ...}}</td><td>the message</td></tr>
 *   <tr><td>OAuth token endpoints {@code {"error","error_description"}}</td>
 *       <td>{@code "invalid_grant: the description"}</td></tr>
 *   <tr><td>Docker Hub auth {@code {"details": ...}}</td><td>the details</td></tr>
 *   <tr><td>other JSON, JSON cut at the size cap</td><td>nothing</td></tr>
 *   <tr><td>S3-style XML {@code <Error><Code>..<Message>..}</td><td>{@code "Code: Message"}</td></tr>
 *   <tr><td>HTML and other markup</td><td>nothing</td></tr>
 *   <tr><td>plain text</td><td>its first non-blank line</td></tr>
 * </table>
 *
 * <pre>{@code
 * ErrorBody body = ErrorBodyParser.parse(response.body());
 * if (body.hasCode("MANIFEST_UNKNOWN")) { ... }
 * }</pre>
 *
 * <p>At most {@value #MAX_BODY} bytes are read (as go-containerregistry does); quoted text is one
 * line of at most {@value #MAX_TEXT} characters (plus {@code "..."} when cut).
 */
public final class ErrorBodyParser {
  /** The most bytes of a body that are read. */
  public static final int MAX_BODY = 64 * 1024;

  /** The most characters quoted from a body, in {@link ErrorBody#text()} or an entry's message. */
  public static final int MAX_TEXT = 200;

  /** The most spec entries kept; a body listing thousands would only repeat itself. */
  static final int MAX_ENTRIES = 20;

  private static final List<String> MESSAGE_KEYS =
      List.of("error_message", "message", "details", "detail", "title");
  private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]{1,200})</Code>");
  private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]{1,1000})</Message>");

  private ErrorBodyParser() {}

  /**
   * Reads and parses at most {@value #MAX_BODY} bytes of the stream (the caller closes it).
   *
   * @param body the response body
   * @return what the body said
   * @throws IOException if reading the body fails
   */
  public static ErrorBody parse(InputStream body) throws IOException {
    BoundedRead read = BoundedRead.of(body, MAX_BODY);
    return parse(new String(read.bytes(), StandardCharsets.UTF_8));
  }

  /**
   * Parses a body already read.
   *
   * @param body the body's text
   * @return what the body said
   */
  public static ErrorBody parse(String body) {
    String trimmed = body.strip();
    if (trimmed.isEmpty()) {
      return ErrorBody.empty();
    }
    Optional<JsonNode> json = json(trimmed);
    if (json.isPresent()) {
      return fromJson(json.get(), 0);
    }
    if (trimmed.startsWith("{")) {
      return ErrorBody.empty(); // JSON cut at the size cap or broken: nothing safe to quote
    }
    if (trimmed.startsWith("<")) {
      return new ErrorBody(List.of(), fromMarkup(trimmed));
    }
    return new ErrorBody(List.of(), firstLine(trimmed));
  }

  private static Optional<JsonNode> json(String text) {
    char first = text.charAt(0);
    if (first != '{' && first != '[' && first != '"') {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.parse(text));
    } catch (JsonException notJson) {
      return Optional.empty();
    }
  }

  private static ErrorBody fromJson(JsonNode json, int depth) {
    if (json.isTextual()) {
      return new ErrorBody(List.of(), nested(json.textValue(), depth));
    }
    if (!json.isObject()) {
      return ErrorBody.empty();
    }
    List<RegistryError> errors = entries(json.path("errors"));
    if (!errors.isEmpty()) {
      return new ErrorBody(errors, "");
    }
    return new ErrorBody(List.of(), message(json, depth));
  }

  private static List<RegistryError> entries(JsonNode errors) {
    List<RegistryError> out = new ArrayList<>();
    if (errors.isArray()) {
      for (JsonNode entry : errors) {
        if (entry.isObject() && out.size() < MAX_ENTRIES) {
          out.add(entryOf(entry));
        }
      }
    }
    return out;
  }

  /** The message of a non-spec JSON object, or empty. */
  private static String message(JsonNode object, int depth) {
    String oauth = oauth(object, depth);
    if (!oauth.isEmpty()) {
      return oauth;
    }
    for (String key : MESSAGE_KEYS) {
      String text = stringMember(object, key, depth);
      if (!text.isEmpty()) {
        return text;
      }
    }
    if (object.path("error").isObject() && depth < 2) {
      return message(object.path("error"), depth + 1); // {"error":{"code":..,"message":..}}
    }
    if (object.path("errors").isArray() && !object.path("errors").isEmpty()) {
      JsonNode first = object.path("errors").get(0); // {"errors":["text"]}
      return first.isTextual() ? nested(first.textValue(), depth) : "";
    }
    return "";
  }

  /** {@code error} with {@code error_description}, as OAuth 2 token endpoints answer. */
  private static String oauth(JsonNode object, int depth) {
    String error = stringMember(object, "error", depth);
    String description = stringMember(object, "error_description", depth);
    if (error.isEmpty() || description.isEmpty()) {
      return error.isEmpty() ? description : error;
    }
    return description.contains(error) ? description : cap(error + ": " + description);
  }

  private static String stringMember(JsonNode object, String key, int depth) {
    return Json.string(object, key).map(s -> nested(s, depth)).orElse("");
  }

  /** A message string, unless it is JSON itself: then what that JSON says. */
  private static String nested(String text, int depth) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return "";
    }
    Optional<JsonNode> json = depth < 2 ? json(trimmed) : Optional.empty();
    if (json.isPresent()) {
      ErrorBody inner = fromJson(json.get(), depth + 1);
      return inner.errors().isEmpty() ? inner.text() : inner.errors().get(0).toString();
    }
    return trimmed.startsWith("{") ? "" : oneLine(trimmed);
  }

  /** A spec entry; {@code detail} may be any JSON and is kept as compact JSON text. */
  private static RegistryError entryOf(JsonNode e) {
    String code =
        Json.string(e, "code")
            .filter(c -> !c.isBlank())
            .map(ErrorBodyParser::oneLine)
            .orElse("UNKNOWN");
    String message = Json.string(e, "message").map(ErrorBodyParser::oneLine).orElse("");
    JsonNode detail = e.path("detail");
    return new RegistryError(
        code,
        message,
        detail.isMissingNode() || detail.isNull()
            ? Optional.empty()
            : Optional.of(detail.toString()));
  }

  /** {@code Code: Message} of an S3-style XML error, or empty for HTML and other markup. */
  private static String fromMarkup(String markup) {
    Matcher message = XML_MESSAGE.matcher(markup);
    if (!message.find()) {
      return "";
    }
    Matcher code = XML_CODE.matcher(markup);
    String text = oneLine(message.group(1));
    return code.find() ? cap(oneLine(code.group(1)) + ": " + text) : text;
  }

  private static String firstLine(String text) {
    return text.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .findFirst()
        .map(ErrorBodyParser::oneLine)
        .orElse("");
  }

  /** One line without control characters, at most {@value #MAX_TEXT} characters. */
  private static String oneLine(String text) {
    return cap(text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip());
  }

  private static String cap(String text) {
    if (text.length() <= MAX_TEXT) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
    return text.substring(0, end).strip() + "...";
  }
}
