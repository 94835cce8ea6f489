package dev.registryclient.core.transport;

import java.time.Duration;

/**
 * How the transport waits between attempts and measures its retry deadline. The default really
 * sleeps; tests pass a fake that only records the delays and moves its own {@link #nanoTime()}, so
 * a test of "three 503s, then success" takes milliseconds, not seconds.
 *
 * <pre>{@code
 * TransportBuilder.create().sleeper(Sleeper.system());
 * }</pre>
 */
public interface Sleeper {

  /**
   * Waits for {@code duration}.
   *
   * @param duration how long to wait
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * A monotonic time in nanoseconds, as {@link System#nanoTime()}; deadlines are judged by it.
   *
   * @return the time in nanoseconds, only meaningful as a difference
   */
  default long nanoTime() {
    return System.nanoTime();
  }

  /**
   * The real thing: {@link Thread#sleep} and {@link System#nanoTime()}.
   *
   * @return the system sleeper
   */
  static Sleeper system() {
    return duration -> {
      if (!duration.isNegative() && !duration.isZero()) {
        Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
      }
    };
  }
}
