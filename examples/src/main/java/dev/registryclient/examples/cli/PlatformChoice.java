package dev.registryclient.examples.cli;

import dev.registryclient.api.Platform;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of {@code --platform}: {@code OS/ARCH[/VARIANT]}, or {@code all} for every platform of
 * an index.
 *
 * @param platform the platform wanted; empty for {@code all}
 */
record PlatformChoice(Optional<Platform> platform) {

  /** Every platform. */
  static final PlatformChoice ALL = new PlatformChoice(Optional.empty());

  /** This JVM's platform, the default. */
  static PlatformChoice current() {
    return new PlatformChoice(Optional.of(Platform.current()));
  }

  boolean isAll() {
    return platform.isEmpty();
  }

  /** Reads {@code --platform} values; a bad one is a usage error. */
  static final class Converter implements ITypeConverter<PlatformChoice> {
    @Override
    public PlatformChoice convert(String value) {
      if (value.equals("all")) {
        return ALL;
      }
      try {
        return new PlatformChoice(Optional.of(Platform.parse(value)));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "expected OS/ARCH[/VARIANT] or all, got '" + value + "': " + e.getMessage());
      }
    }
  }
}
