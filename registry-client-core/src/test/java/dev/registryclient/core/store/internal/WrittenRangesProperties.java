package dev.registryclient.core.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever order disjoint ranges arrive in, {@link WrittenRanges} hands out every byte exactly once
 * and in order, and only once the bytes before it are written.
 */
class WrittenRangesProperties {

  @Property(tries = 300)
  void everyByteIsClaimedOnceInOrderWhateverTheWriteOrder(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 50) Integer> lengths,
      @ForAll long seed) {
    List<long[]> pieces = cut(lengths);
    Collections.shuffle(pieces, new Random(seed));
    WrittenRanges ranges = new WrittenRanges();
    boolean[] written = new boolean[total(lengths)];
    long claimedUpTo = 0;

    for (long[] piece : pieces) {
      ranges.add(piece[0], piece[1]);
      for (long i = piece[0]; i < piece[1]; i++) {
        written[(int) i] = true;
      }
      for (OptionalLong next = ranges.claimNext(); next.isPresent(); next = ranges.claimNext()) {
        long end = next.getAsLong();
        assertThat(end).isGreaterThan(claimedUpTo);
        for (long i = claimedUpTo; i < end; i++) {
          assertThat(written[(int) i]).as("byte %d claimed before it was written", i).isTrue();
        }
        claimedUpTo = end;
      }
      // a claim stops exactly at the first unwritten byte
      assertThat(claimedUpTo == written.length || !written[(int) claimedUpTo]).isTrue();
      assertThat(ranges.claimed()).isEqualTo(claimedUpTo);
    }

    assertThat(claimedUpTo).isEqualTo(written.length);
    assertThat(ranges.hasWaiting()).isFalse();
  }

  @Property(tries = 200)
  void aRangeOverlappingAnyEarlierOneIsRefused(
      @ForAll @Size(min = 2, max = 20) List<@IntRange(min = 1, max = 30) Integer> lengths,
      @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 1000) int at,
      @ForAll @IntRange(min = 1, max = 40) int length) {
    List<long[]> pieces = cut(lengths);
    Collections.shuffle(pieces, new Random(seed));
    WrittenRanges ranges = new WrittenRanges();
    List<long[]> added = new ArrayList<>();
    for (long[] piece : pieces.subList(0, pieces.size() / 2)) {
      ranges.add(piece[0], piece[1]);
      added.add(piece);
      ranges.claimNext();
    }
    long start = at % total(lengths);
    long end = start + length;
    boolean overlaps = added.stream().anyMatch(p -> p[0] < end && start < p[1]);

    if (overlaps) {
      assertThatThrownBy(() -> ranges.add(start, end))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("overlap");
    } else {
      ranges.add(start, end);
    }
  }

  /** Consecutive pieces {@code [start, end)} of the given lengths, from 0. */
  private static List<long[]> cut(List<Integer> lengths) {
    List<long[]> pieces = new ArrayList<>();
    long at = 0;
    for (int length : lengths) {
      pieces.add(new long[] {at, at + length});
      at += length;
    }
    return pieces;
  }

  private static int total(List<Integer> lengths) {
    return lengths.stream().mapToInt(Integer::intValue).sum();
  }
}
