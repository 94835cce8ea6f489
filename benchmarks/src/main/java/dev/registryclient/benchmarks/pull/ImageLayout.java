package dev.registryclient.benchmarks.pull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many layers of what size the benchmark image has, parsed from a JMH parameter such as {@code
 * 64x1MiB} or {@code 8x64MiB}.
 *
 * @param layers the number of layers
 * @param layerBytes the size of each layer in bytes
 */
public record ImageLayout(int layers, long layerBytes) {
  private static final Pattern SYNTAX = Pattern.compile("(\\d{1,4})x(\\d{1,5})(KiB|MiB)");

  /** Validates. */
  public ImageLayout {
    if (layers < 1 || layerBytes < 1) {
      throw new IllegalArgumentException("need at least one layer of at least one byte");
    }
  }

  /**
   * Parses {@code <count>x<size>KiB} or {@code <count>x<size>MiB}.
   *
   * @throws IllegalArgumentException naming the text if it is not of that form
   */
  public static ImageLayout parse(String text) {
    Matcher m = SYNTAX.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "image layout must look like 64x1MiB or 8x64MiB, got: " + text);
    }
    long unit = m.group(3).equals("MiB") ? 1024L * 1024 : 1024L;
    return new ImageLayout(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)) * unit);
  }

  /** Bytes of all layers together. */
  public long totalBytes() {
    return layers * layerBytes;
  }
}
