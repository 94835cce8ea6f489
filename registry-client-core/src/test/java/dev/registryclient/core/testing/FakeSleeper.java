package dev.registryclient.core.testing;

import dev.registryclient.core.transport.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Sleeper} that never sleeps: it records each wait and moves its own clock by it. */
public final class FakeSleeper implements Sleeper {
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final AtomicLong nanos = new AtomicLong(System.nanoTime());

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
    nanos.addAndGet(duration.toNanos());
  }

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  /** Every wait asked for, in order. */
  public List<Duration> waits() {
    return List.copyOf(waits);
  }
}
