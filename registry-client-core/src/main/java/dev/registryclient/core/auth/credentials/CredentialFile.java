package dev.registryclient.core.auth.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.core.internal.io.BoundedRead;
import dev.registryclient.core.internal.json.Json;
import dev.registryclient.core.internal.json.JsonException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a JSON credentials file. A missing or unreadable file is skipped (debug log); a malformed
 * one is an error that names the file and never quotes its content.
 */
final class CredentialFile {
  private static final Logger LOG = LoggerFactory.getLogger(CredentialFile.class);
  private static final int MAX_SIZE = 4 * 1024 * 1024;

  private CredentialFile() {}

  static Optional<ObjectNode> read(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      BoundedRead read = BoundedRead.of(in, MAX_SIZE);
      if (read.truncated()) {
        throw malformed(file, "larger than 4 MiB", null);
      }
      bytes = read.bytes();
    } catch (NoSuchFileException e) {
      LOG.debug("no credentials file at {}", file);
      return Optional.empty();
    } catch (IOException e) {
      LOG.debug("skipping unreadable credentials file {}: {}", file, e.toString());
      return Optional.empty();
    }
    return Optional.of(parse(new String(bytes, StandardCharsets.UTF_8), file));
  }

  /** The file's content as a JSON object; the error names the file and where the JSON breaks. */
  static ObjectNode parse(String content, Path file) {
    try {
      return Json.parseObject(content);
    } catch (JsonException e) {
      throw malformed(file, "not a JSON object (" + e.getMessage() + ")", null);
    }
  }

  static InvalidContentException malformed(Path file, String why, Throwable cause) {
    return new InvalidContentException(
        ErrorContext.of(Phase.CREDENTIALS),
        "malformed credentials file " + file + ": " + why,
        cause);
  }

  /** A member that must be an object when present; absent or {@code null} is an empty object. */
  static ObjectNode object(ObjectNode json, String name, Path file) {
    JsonNode value = json.path(name);
    if (value.isMissingNode() || value.isNull()) {
      return json.objectNode();
    }
    if (!(value instanceof ObjectNode object)) {
      throw malformed(file, "\"" + name + "\" is not an object", null);
    }
    return object;
  }
}
