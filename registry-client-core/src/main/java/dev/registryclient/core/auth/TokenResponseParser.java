package dev.registryclient.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.auth.Secret;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.core.internal.io.BoundedRead;
import dev.registryclient.core.internal.json.Json;
import dev.registryclient.core.internal.json.JsonException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a token server's answer: {@code token} or {@code access_token}, {@code expires_in} (default
 * and minimum 60 s, as the token spec says), {@code issued_at}, {@code refresh_token}.
 *
 * <p>Expiry is counted from the local receive time, not from {@code issued_at}: a token server
 * whose clock is off would otherwise make every token look expired (or eternal).
 */
final class TokenResponseParser {
  /** Token bodies are small; anything bigger is refused. */
  static final int MAX_BODY = 1024 * 1024;

  static final Duration MIN_LIFETIME = Duration.ofSeconds(60);

  private TokenResponseParser() {}

  static Token parse(InputStream body, Instant now, ErrorContext context) throws IOException {
    BoundedRead read = BoundedRead.of(body, MAX_BODY);
    if (read.truncated()) {
      throw new InvalidContentException(context, "token response is larger than 1 MiB");
    }
    return parse(new String(read.bytes(), StandardCharsets.UTF_8), now, context);
  }

  static Token parse(String body, Instant now, ErrorContext context) {
    ObjectNode json;
    try {
      json = Json.parseObject(body);
    } catch (JsonException e) {
      // the message names an offset only: the body may hold a token
      throw new InvalidContentException(
          context, "token response is not a JSON object: " + e.getMessage());
    }
    Secret token =
        text(json, "token")
            .or(() -> text(json, "access_token"))
            .map(Secret::of)
            .orElseThrow(
                () ->
                    new InvalidContentException(
                        context, "token response has neither token nor access_token"));
    Duration lifetime = lifetime(json.path("expires_in"));
    Optional<Instant> issuedAt = text(json, "issued_at").flatMap(TokenResponseParser::instant);
    return new Token(
        token, issuedAt, now.plus(lifetime), text(json, "refresh_token").map(Secret::of));
  }

  /** A non-empty string member; a member of another type counts as absent. */
  private static Optional<String> text(ObjectNode json, String name) {
    return Json.string(json, name).filter(s -> !s.isEmpty());
  }

  /** {@code expires_in} in whole seconds; a string, a negative or an absurd number is ignored. */
  private static Duration lifetime(JsonNode expiresIn) {
    double seconds = expiresIn.isNumber() ? expiresIn.doubleValue() : 0;
    if (seconds > 0 && seconds < Integer.MAX_VALUE) {
      Duration d = Duration.ofSeconds((long) seconds);
      return d.compareTo(MIN_LIFETIME) < 0 ? MIN_LIFETIME : d;
    }
    return MIN_LIFETIME;
  }

  private static Optional<Instant> instant(String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
