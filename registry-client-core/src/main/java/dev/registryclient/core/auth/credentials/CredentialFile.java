package dev.registryclient.core.auth.credentials;

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
import java.util.Map;
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

  static Optional<Map<String, Object>> read(Path file) {
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
    try {
      return Optional.of(Json.parseObject(new String(bytes, StandardCharsets.UTF_8)));
    } catch (JsonException e) {
      throw malformed(file, "not a JSON object (" + e.getMessage() + ")", e);
    }
  }

  static InvalidContentException malformed(Path file, String why, Throwable cause) {
    return new InvalidContentException(
        ErrorContext.of(Phase.CREDENTIALS),
        "malformed credentials file " + file + ": " + why,
        cause);
  }

  /** A member that must be an object when present. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Map<String, Object> json, String name, Path file) {
    Object value = json.get(name);
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map)) {
      throw malformed(file, "\"" + name + "\" is not an object", null);
    }
    return (Map<String, Object>) value;
  }
}
