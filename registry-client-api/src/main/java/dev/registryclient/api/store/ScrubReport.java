package dev.registryclient.api.store;

import dev.registryclient.api.Digest;
import java.util.List;

/**
 * The outcome of {@link Verifiable#scrub()}.
 *
 * @param checked how many blobs were verified
 * @param removed the blobs whose content did not match their digest and were removed
 */
public record ScrubReport(long checked, List<Digest> removed) {

  /**
   * Copies {@code removed}; rejects a negative count.
   *
   * @param checked how many blobs were verified
   * @param removed the blobs whose content did not match their digest and were removed
   */
  public ScrubReport {
    if (checked < 0) {
      throw new IllegalArgumentException("checked must not be negative: " + checked);
    }
    removed = List.copyOf(removed);
  }

  /**
   * Whether every checked blob was intact.
   *
   * @return {@code true} if no blob was removed
   */
  public boolean clean() {
    return removed.isEmpty();
  }
}
