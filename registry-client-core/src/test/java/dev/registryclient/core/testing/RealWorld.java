package dev.registryclient.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the real-world samples in src/test/resources/real-world (formats: its README.md). */
public final class RealWorld {
  private RealWorld() {}

  /** The value lines of a comment-block file (www-authenticate.txt). */
  public static List<String> valueLines(String file) {
    return lines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
  }

  /** The data lines of a JSONL file (token-responses.jsonl). */
  public static List<String> jsonLines(String file) {
    return valueLines(file);
  }

  /** The values of a block-format file (error-bodies.txt). */
  public static List<String> blocks(String file) {
    List<String> out = new ArrayList<>();
    List<String> current = null;
    for (String line : lines(file)) {
      if (line.equals("--- value")) {
        current = new ArrayList<>();
      } else if (line.equals("--- end") && current != null) {
        out.add(String.join("\n", current));
        current = null;
      } else if (current != null) {
        current.add(line);
      }
    }
    return out;
  }

  private static List<String> lines(String file) {
    try (InputStream in = RealWorld.class.getResourceAsStream("/real-world/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + file);
      }
      return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
