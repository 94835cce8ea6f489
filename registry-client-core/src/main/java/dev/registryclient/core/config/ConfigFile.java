package dev.registryclient.core.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.core.internal.io.BoundedRead;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a configuration file: at most {@value #MAX_SIZE} bytes of UTF-8. Every failure is a {@link
 * ConfigurationException} naming the file.
 */
final class ConfigFile {
  /** 1 MiB: RHEL's largest drop-in, the short-name alias table, is about 400 KiB. */
  static final int MAX_SIZE = 1024 * 1024;

  private ConfigFile() {}

  /** The file's text, or empty if it does not exist. */
  static Optional<String> readIfExists(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      BoundedRead read = BoundedRead.of(in, MAX_SIZE);
      if (read.truncated()) {
        throw error(file.toString(), "larger than 1 MiB, not a configuration file");
      }
      bytes = read.bytes();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ConfigurationException(
          file.toString(), OptionalInt.empty(), "cannot be read: " + e, e);
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      throw error(file.toString(), "not UTF-8 text");
    }
  }

  /** The file's text; a missing file is an error. */
  static String read(Path file) {
    return readIfExists(file).orElseThrow(() -> error(file.toString(), "no such file"));
  }

  static ConfigurationException error(String origin, String detail) {
    return new ConfigurationException(origin, OptionalInt.empty(), detail, null);
  }

  static ConfigurationException error(String origin, OptionalInt line, String detail) {
    return new ConfigurationException(origin, line, detail, null);
  }

  /** A YAML or JSON parser's complaint, at the line it names. */
  static ConfigurationException syntax(String origin, String format, JacksonException e) {
    JsonLocation at = e.getLocation();
    OptionalInt line =
        at != null && at.getLineNr() > 0 ? OptionalInt.of(at.getLineNr()) : OptionalInt.empty();
    String column = at != null && at.getColumnNr() > 0 ? " (column " + at.getColumnNr() + ")" : "";
    return new ConfigurationException(
        origin, line, "not valid " + format + column + ": " + e.getOriginalMessage(), e);
  }

  /**
   * The TOML parser's complaint. Jackson's TOML lexer reports the position just after the token it
   * rejects; a token that ends its line (a table header, a key's value) puts that at column 1 of
   * the next line, so the line before is the one to name.
   */
  static ConfigurationException tomlSyntax(String origin, JacksonException e) {
    JsonLocation at = e.getLocation();
    if (at == null || at.getLineNr() <= 1 || at.getColumnNr() != 1) {
      return syntax(origin, "TOML", e);
    }
    return new ConfigurationException(
        origin, OptionalInt.of(at.getLineNr() - 1), "not valid TOML: " + e.getOriginalMessage(), e);
  }
}
