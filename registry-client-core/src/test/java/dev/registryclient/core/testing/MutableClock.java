package dev.registryclient.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that stands still until a test moves it, so token expiry needs no sleeping. */
public final class MutableClock extends Clock {
  private volatile Instant now = Instant.parse("2030-01-01T00:00:00Z");

  /** Moves the clock forward. */
  public void advance(Duration amount) {
    now = now.plus(amount);
  }

  @Override
  public ZoneOffset getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
