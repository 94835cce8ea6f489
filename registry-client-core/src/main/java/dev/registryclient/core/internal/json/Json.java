package dev.registryclient.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The one Jackson setup of core, for the small documents it reads from outside: token responses,
 * error bodies, credential files and credential-helper output. The callers cap their size.
 *
 * <p>Strict JSON (RFC 8259; Jackson's defaults already refuse comments, single quotes, trailing
 * commas, {@code NaN} and leading zeros), one value and nothing after it, at most {@value
 * #MAX_DEPTH} levels of nesting. Of duplicate keys the last wins, as in Go's {@code encoding/json},
 * which writes and reads these documents in docker, podman and the registries. Floating-point
 * numbers become doubles (an exponent too large is infinity, not an error); a number may have up to
 * 1000 digits (Jackson's default limit).
 *
 * <p>Signed documents are read by {@link #parseObjectWithoutDuplicateKeys}, which refuses a key
 * given twice: a verifier and the signer's tooling must not read different values from one text.
 *
 * <p>A {@link JsonException} says what kind of error and where, never the content: Jackson's own
 * messages quote the offending token, which may be part of a password or token.
 */
public final class Json {
  static final int MAX_DEPTH = 64;

  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final JsonMapper NO_DUPLICATES_MAPPER =
      MAPPER.rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private Json() {}

  /**
   * Parses one JSON value filling the whole text (surrounding whitespace allowed).
   *
   * @throws JsonException when the text is empty or not valid JSON
   */
  public static JsonNode parse(String text) {
    return parse(MAPPER, text);
  }

  private static JsonNode parse(JsonMapper mapper, String text) {
    JsonNode node;
    try {
      node = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new JsonException(describe(e));
    }
    if (node == null || node.isMissingNode()) {
      throw new JsonException("no JSON value, the text is empty");
    }
    return node;
  }

  /**
   * Parses a document that must be a JSON object.
   *
   * @throws JsonException when the text is not valid JSON or holds another value
   */
  public static ObjectNode parseObject(String text) {
    if (parse(text) instanceof ObjectNode object) {
      return object;
    }
    throw new JsonException("a JSON value other than an object");
  }

  /**
   * Parses a document that must be a JSON object, in which no object has the same key twice (as
   * containers/image reads signature payloads).
   *
   * @throws JsonException when the text is not valid JSON, holds another value or repeats a key
   */
  public static ObjectNode parseObjectWithoutDuplicateKeys(String text) {
    if (parse(NO_DUPLICATES_MAPPER, text) instanceof ObjectNode object) {
      return object;
    }
    throw new JsonException("a JSON value other than an object");
  }

  /**
   * The member {@code name} of an object if it is a string; absent, {@code null} or a member of
   * another type is empty.
   */
  public static Optional<String> string(JsonNode object, String name) {
    return Optional.ofNullable(object.path(name).textValue());
  }

  /** What went wrong and where, from the exception's type and location only. */
  private static String describe(JsonProcessingException e) {
    if (e instanceof StreamConstraintsException) {
      return e.getOriginalMessage(); // names the limit and numbers, no content
    }
    String what =
        e instanceof JsonEOFException
            ? "unexpected end of input"
            : e instanceof MismatchedInputException
                ? "text after the JSON value"
                : isDuplicateKey(e) ? "a key given twice in one object" : "invalid JSON";
    JsonLocation at = e.getLocation();
    return at == null ? what : what + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  /** Jackson has no exception type of its own for a duplicate key, only this message. */
  private static boolean isDuplicateKey(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    return message != null && message.startsWith("Duplicate field");
  }
}
