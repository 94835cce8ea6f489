package dev.registryclient.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the {@code registries.conf} a fleet would have: one {@code [[registry]]} with its {@code
 * [[registry.mirror]]} tables, in the order a pull tries them. The tests read it with {@code
 * RegistryClientBuilder.registriesConf(Path)}, the path {@code --registries-conf} takes.
 */
final class RegistriesConfFile {
  private final StringBuilder toml;

  private RegistriesConfFile(String location) {
    toml = new StringBuilder("[[registry]]\nlocation = \"" + location + "\"\n");
  }

  /** A rule for the registry (or namespace) {@code location}. */
  static RegistriesConfFile forRegistry(String location) {
    return new RegistriesConfFile(location);
  }

  /** Adds a mirror for every pull. */
  RegistriesConfFile mirror(String location) {
    toml.append("\n[[registry.mirror]]\nlocation = \"").append(location).append("\"\n");
    return this;
  }

  /** Adds a mirror for pulls by digest only. */
  RegistriesConfFile digestOnlyMirror(String location) {
    mirror(location);
    toml.append("pull-from-mirror = \"digest-only\"\n");
    return this;
  }

  /** Writes the file into {@code dir}. */
  Path writeTo(Path dir) {
    try {
      return Files.writeString(Files.createTempFile(dir, "registries", ".conf"), toml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return toml.toString();
  }
}
