package dev.registryclient.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The registry's notion of now: the system clock plus an offset tests can advance, so token and
 * signed-URL expiry can be tested without sleeping.
 */
public final class RegistryClock {
  private final Clock base;
  private final AtomicLong offsetNanos = new AtomicLong();

  /** A clock following {@code base}. */
  public RegistryClock(Clock base) {
    this.base = base;
  }

  /** Now, as the registry sees it. */
  public Instant now() {
    return base.instant().plusNanos(offsetNanos.get());
  }

  /** Moves the registry's time forward. */
  public void advance(Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("cannot move time backwards: " + amount);
    }
    offsetNanos.addAndGet(amount.toNanos());
  }
}
