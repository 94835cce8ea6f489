package dev.registryclient.testkit.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A single satisfiable {@code Range: bytes=...} request against a body of known size.
 *
 * @param first first byte offset, inclusive
 * @param last last byte offset, inclusive
 */
public record ByteRange(long first, long last) {
  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  /** Thrown for a syntactically valid range that lies outside the body: answer 416. */
  public static final class UnsatisfiableException extends Exception {
    UnsatisfiableException(String range) {
      super("range not satisfiable: " + range);
    }
  }

  /**
   * The range requested by {@code header}, or empty if there is none or it is not a single byte
   * range (which servers may ignore and answer with 200).
   */
  public static Optional<ByteRange> parse(String header, long size) throws UnsatisfiableException {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = SINGLE.matcher(header.trim());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return Optional.empty();
    }
    try {
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        if (suffix == 0 || size == 0) {
          throw new UnsatisfiableException(header);
        }
        return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
      }
      long first = Long.parseLong(m.group(1));
      long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
      if (last < first) {
        return Optional.empty(); // invalid syntax per RFC 9110: ignore the header
      }
      if (first >= size) {
        throw new UnsatisfiableException(header);
      }
      return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
    } catch (NumberFormatException e) {
      return Optional.empty(); // more digits than a long holds: not a range we understand
    }
  }

  /** Number of bytes in the range. */
  public long length() {
    return last - first + 1;
  }

  /** The {@code Content-Range} value for a body of {@code size} bytes. */
  public String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }
}
