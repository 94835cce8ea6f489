package dev.registryclient.examples.cli;

import dev.registryclient.api.ImageReference;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses REF arguments, so a malformed reference is a usage error (exit 2) naming the rule. */
final class ReferenceConverter implements ITypeConverter<ImageReference> {
  @Override
  public ImageReference convert(String value) {
    try {
      return ImageReference.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
