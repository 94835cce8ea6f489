package dev.registryclient.core.transport.blob;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Content-Range: bytes FIRST-LAST/TOTAL} header of a 206 answer (RFC 9110 section 14.4),
 * where {@code TOTAL} may be {@code *}.
 *
 * <pre>{@code
 * ContentRange.parse("bytes 100-199/1000") // Optional[ContentRange[first=100, last=199, ...]]
 * ContentRange.parse("bytes 5-1/9")       // Optional.empty(): last before first
 * }</pre>
 *
 * @param first the offset of the first byte sent
 * @param last the offset of the last byte sent (inclusive)
 * @param total the full size, when the server knows it
 */
public record ContentRange(long first, long last, OptionalLong total) {
  private static final Pattern FORM =
      Pattern.compile("bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)", Pattern.CASE_INSENSITIVE);

  /**
   * Validates the order of the numbers.
   *
   * @param first the offset of the first byte sent
   * @param last the offset of the last byte sent (inclusive)
   * @param total the full size, when the server knows it
   * @throws IllegalArgumentException if {@code first} is negative, {@code last} before it or {@code
   *     total} not beyond {@code last}
   */
  public ContentRange {
    if (first < 0 || last < first || total.isPresent() && total.getAsLong() <= last) {
      throw new IllegalArgumentException(
          "invalid content range " + first + "-" + last + "/" + total);
    }
  }

  /**
   * The range of a header value; empty when the value is missing, malformed or inconsistent.
   *
   * @param value the header's value, or {@code null}
   * @return the range, or empty
   */
  public static Optional<ContentRange> parse(String value) {
    if (value == null || value.length() > 100) {
      return Optional.empty();
    }
    Matcher m = FORM.matcher(value.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    long first = Long.parseLong(m.group(1));
    long last = Long.parseLong(m.group(2));
    OptionalLong total =
        m.group(3).equals("*") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(3)));
    if (last < first || total.isPresent() && total.getAsLong() <= last) {
      return Optional.empty();
    }
    return Optional.of(new ContentRange(first, last, total));
  }

  /**
   * The number of bytes in the range.
   *
   * @return {@code last - first + 1}
   */
  public long length() {
    return last - first + 1;
  }

  @Override
  public String toString() {
    return "bytes " + first + "-" + last + "/" + (total.isPresent() ? total.getAsLong() : "*");
  }
}
