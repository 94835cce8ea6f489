package dev.registryclient.oci.pull;

import java.util.concurrent.Semaphore;

/**
 * The connections a pull stage may open beyond one per blob worker, for segmented downloads: its
 * {@code parallelism} minus its busy workers. A worker that runs out of blobs gives its connection
 * back, so the last large blob of a pull may use the connections the others no longer need.
 */
final class SpareConnections {
  private final Semaphore permits;

  SpareConnections(int initially) {
    this.permits = new Semaphore(Math.max(0, initially));
  }

  /** No spare connection ever: every blob in one stream. */
  static SpareConnections none() {
    return new SpareConnections(0);
  }

  /** Takes up to {@code wanted} connections without waiting; how many it got. */
  int take(int wanted) {
    int got = 0;
    while (got < wanted && permits.tryAcquire()) {
      got++;
    }
    return got;
  }

  /** Gives {@code n} connections back. */
  void give(int n) {
    if (n > 0) {
      permits.release(n);
    }
  }
}
