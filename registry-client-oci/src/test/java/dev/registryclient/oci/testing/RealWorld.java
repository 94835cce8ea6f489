package dev.registryclient.oci.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the real-world samples copied from /work/shared/testdata/real-world into test resources.
 */
public final class RealWorld {
  private RealWorld() {}

  /** The raw bytes of a resource under {@code real-world/}. */
  public static byte[] bytes(String path) {
    try (InputStream in = RealWorld.class.getResourceAsStream("/real-world/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource real-world/" + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sample of the "comment block + one value line" format, with its context line. */
  public record ValueLine(String context, String value) {
    @Override
    public String toString() {
      return context;
    }
  }

  /** Every entry of a "comment block + one value line" file such as link-headers.txt. */
  public static List<ValueLine> valueLines(String path) {
    String text = new String(bytes(path), StandardCharsets.UTF_8);
    List<ValueLine> entries = new ArrayList<>();
    String context = "";
    boolean inBlock = false;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("# source:")) {
        inBlock = true;
        context = line;
      } else if (line.startsWith("#")) {
        if (inBlock) {
          context = context + " | " + line;
        }
      } else if (inBlock && !line.isBlank()) {
        entries.add(new ValueLine(context, line));
        inBlock = false;
      }
    }
    return entries;
  }
}
