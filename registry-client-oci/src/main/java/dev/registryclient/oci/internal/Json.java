package dev.registryclient.oci.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import java.io.IOException;
import java.util.Optional;

/**
 * The one Jackson setup of this module: strict JSON (no comments, no trailing commas, duplicate
 * keys refused), bounded nesting and string sizes, and errors turned into {@link
 * InvalidContentException}.
 */
public final class Json {

  // duplicate keys are refused because two parsers could otherwise disagree on a signed document
  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(64)
                          .maxStringLength(8 << 20)
                          .build())
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Json() {}

  /**
   * Parses {@code bytes} as one JSON document.
   *
   * @param what what the document is, for the message, e.g. {@code "tag list"}
   * @throws InvalidContentException if it is not valid JSON
   */
  public static JsonNode parse(byte[] bytes, ErrorContext context, String what) {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new InvalidContentException(context, what + " is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new InvalidContentException(
          context, what + " is not valid JSON: " + firstLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      // reading from a byte array cannot fail for I/O reasons; keep the contract anyway
      throw new InvalidContentException(context, what + " could not be read", e);
    }
  }

  /** The text of {@code node.field} if it is a string, empty if absent or null. */
  public static Optional<String> text(
      JsonNode node, String field, ErrorContext context, String what) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new InvalidContentException(
          context, what + ": \"" + field + "\" must be a string, got " + value.getNodeType());
    }
    return Optional.of(value.textValue());
  }

  /** The shared mapper, for code that binds small documents. */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
