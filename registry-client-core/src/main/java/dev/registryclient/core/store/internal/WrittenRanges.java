package dev.registryclient.core.store.internal;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Which byte ranges of a blob have been written, and how far from byte 0 they reach without a gap.
 * The ranges beyond that prefix wait, merged with their neighbours, until the prefix reaches them;
 * {@link #claimNext()} then hands the next contiguous stretch to the one who hashes it, so every
 * byte is handed out exactly once and in order.
 *
 * <pre>{@code
 * WrittenRanges ranges = new WrittenRanges();
 * ranges.add(100, 200);  // not contiguous with byte 0 yet
 * ranges.claimNext();    // empty
 * ranges.add(0, 100);
 * ranges.claimNext();    // 200: bytes [0, 200) are next, in order
 * }</pre>
 *
 * <p>Not thread-safe; the caller synchronises.
 */
final class WrittenRanges {
  private final TreeMap<Long, Long> waiting = new TreeMap<>(); // start -> end (exclusive)
  private long claimed;

  /**
   * Records that bytes {@code [start, end)} were written.
   *
   * @throws IllegalArgumentException if the range is empty or negative, or overlaps a range
   *     recorded before (claimed or not)
   */
  void add(long start, long end) {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("not a byte range: [" + start + ", " + end + ")");
    }
    if (start < claimed) {
      throw overlap(start, end, 0, claimed);
    }
    Map.Entry<Long, Long> before = waiting.floorEntry(start);
    if (before != null && before.getValue() > start) {
      throw overlap(start, end, before.getKey(), before.getValue());
    }
    Map.Entry<Long, Long> after = waiting.ceilingEntry(start);
    if (after != null && after.getKey() < end) {
      throw overlap(start, end, after.getKey(), after.getValue());
    }
    long mergedStart = start;
    long mergedEnd = end;
    if (before != null && before.getValue() == start) {
      mergedStart = before.getKey();
      waiting.remove(before.getKey());
    }
    if (after != null && after.getKey() == end) {
      mergedEnd = after.getValue();
      waiting.remove(after.getKey());
    }
    waiting.put(mergedStart, mergedEnd);
  }

  /**
   * Takes the written stretch that continues the bytes claimed so far: returns its end (the bytes
   * {@code [claimed(), end)} are the caller's to consume), or empty if the next byte is not written
   * yet.
   */
  OptionalLong claimNext() {
    Long end = waiting.remove(claimed);
    if (end == null) {
      return OptionalLong.empty();
    }
    claimed = end;
    return OptionalLong.of(end);
  }

  /** Whether {@link #claimNext()} would hand out bytes now. */
  boolean hasNext() {
    return waiting.containsKey(claimed);
  }

  /** The end of the bytes handed out so far: {@code [0, claimed())} were all claimed, in order. */
  long claimed() {
    return claimed;
  }

  /** Whether written bytes are waiting beyond a gap. */
  boolean hasWaiting() {
    return !waiting.isEmpty();
  }

  private static IllegalArgumentException overlap(long start, long end, long from, long to) {
    return new IllegalArgumentException(
        "bytes ["
            + start
            + ", "
            + end
            + ") overlap bytes ["
            + from
            + ", "
            + to
            + ") written before");
  }

  @Override
  public String toString() {
    return "WrittenRanges[claimed=" + claimed + ", waiting=" + waiting + "]";
  }
}
