package dev.registryclient.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class RetryAfterProperties {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Property
  void arbitraryTextNeverThrows(@ForAll String value) {
    assertThat(RetryAfter.parse(value, NOW)).isNotNull();
  }

  @Property
  void secondsRoundTrip(@ForAll @LongRange(min = 0, max = 2_000_000_000L) long seconds) {
    assertThat(RetryAfter.parse(Long.toString(seconds), NOW)).contains(Duration.ofSeconds(seconds));
  }

  @Property
  void imfFixdatesRoundTrip(@ForAll @LongRange(min = 0, max = 400_000_000L) long secondsAhead) {
    Instant then = NOW.plusSeconds(secondsAhead);
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(then.atOffset(ZoneOffset.UTC));
    assertThat(RetryAfter.parse(date, NOW)).contains(Duration.ofSeconds(secondsAhead));
  }
}
