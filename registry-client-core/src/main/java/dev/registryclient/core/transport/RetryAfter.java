package dev.registryclient.core.transport;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@code Retry-After} header (RFC 9110 section 10.2.3): either delay-seconds or an
 * HTTP-date, in any of the three formats RFC 9110 section 5.6.7 tells recipients to accept
 * (IMF-fixdate, the obsolete RFC 850 form and asctime). A date in the past means "now".
 *
 * <pre>{@code
 * RetryAfter.parse("120", now);                           // Optional[PT2M]
 * RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", now); // time until then, or PT0S
 * RetryAfter.parse("soon", now);                          // Optional.empty()
 * }</pre>
 */
public final class RetryAfter {
  private static final DateTimeFormatter RFC_850 =
      new DateTimeFormatterBuilder()
          .appendPattern("EEEE, dd-MMM-")
          .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
          .appendPattern(" HH:mm:ss 'GMT'")
          .toFormatter(Locale.US);
  private static final DateTimeFormatter ASCTIME =
      new DateTimeFormatterBuilder()
          .appendPattern("EEE MMM")
          .appendLiteral(' ')
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendPattern("d HH:mm:ss yyyy")
          .toFormatter(Locale.US);
  // About 68 years: more than any server means, small enough for Duration arithmetic.
  private static final long MAX_SECONDS = Integer.MAX_VALUE;

  private RetryAfter() {}

  /**
   * What a response's {@code Retry-After} asks for, judged by the current time.
   *
   * @param response the response, of any status
   * @return the wait asked for, or empty if there is no valid {@code Retry-After}
   */
  public static Optional<Duration> of(Response response) {
    return response.header("Retry-After").flatMap(v -> parse(v, Instant.now()));
  }

  /**
   * The delay a {@code Retry-After} value asks for, measured from {@code now}; empty when the value
   * is neither a non-negative integer nor an HTTP-date.
   *
   * @param value the header's value, or {@code null}
   * @param now the time an HTTP-date is measured from
   * @return the wait asked for (zero for a date in the past), or empty
   */
  public static Optional<Duration> parse(String value, Instant now) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.strip();
    if (!v.isEmpty() && v.length() <= 10 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(Duration.ofSeconds(Math.min(Long.parseLong(v), MAX_SECONDS)));
    }
    return httpDate(v).map(at -> at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
  }

  /** An HTTP-date in any of the three accepted formats, as an instant. */
  static Optional<Instant> httpDate(String v) {
    if (v.length() > 64) {
      return Optional.empty();
    }
    for (DateTimeFormatter format :
        new DateTimeFormatter[] {DateTimeFormatter.RFC_1123_DATE_TIME, RFC_850, ASCTIME}) {
      try {
        if (format == DateTimeFormatter.RFC_1123_DATE_TIME) {
          return Optional.of(Instant.from(format.parse(v)));
        }
        return Optional.of(LocalDateTime.parse(v, format).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        // try the next format
      } catch (DateTimeException e) {
        return Optional.empty(); // parsed, but not a real date
      }
    }
    return Optional.empty();
  }
}
