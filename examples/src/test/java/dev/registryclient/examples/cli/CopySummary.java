package dev.registryclient.examples.cli;

import java.util.regex.Pattern;

/** The last line {@code copy} and {@code push} print on stdout. */
final class CopySummary {
  private CopySummary() {}

  /**
   * A regular expression for the summary line, with the megabytes and seconds left open.
   *
   * <pre>{@code
   * assertThat(run.lastLine())
   *     .matches(CopySummary.pattern(src, digest, dst, "3 blobs: 3 uploaded, 0 mounted, 0 skipped"));
   * }</pre>
   *
   * @param src the source as the command names it
   * @param digest the digest copied
   * @param dst the target reference
   * @param blobs the blob counts, as printed
   * @return the pattern for {@code String.matches}
   */
  static String pattern(String src, Object digest, String dst, String blobs) {
    return Pattern.quote("Copied " + src + " " + digest + " -> " + dst + " (" + blobs + ", ")
        + "\\d+\\.\\d MB in \\d+\\.\\d s\\)";
  }
}
