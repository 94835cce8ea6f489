package dev.registryclient.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class ByteRangeProperties {

  @Property
  void arbitraryHeadersYieldARangeInsideTheBodyOrNothing(
      @ForAll String header, @ForAll @LongRange(min = 0, max = 1L << 40) long size) {
    try {
      Optional<ByteRange> range = ByteRange.parse(header, size);
      range.ifPresent(
          r -> {
            assertThat(r.first()).isBetween(0L, r.last());
            assertThat(r.last()).isLessThan(size);
          });
    } catch (ByteRange.UnsatisfiableException e) {
      assertThat(e.getMessage()).contains(header);
    }
  }

  @Property
  void wellFormedRangesAreClampedToTheBody(
      @ForAll @LongRange(min = 0, max = 1000) long first,
      @ForAll @LongRange(min = 0, max = 1000) long extra,
      @ForAll @LongRange(min = 1, max = 1000) long size)
      throws Exception {
    String header = "bytes=" + first + "-" + (first + extra);
    if (first >= size) {
      try {
        ByteRange.parse(header, size);
        throw new AssertionError("expected unsatisfiable: " + header);
      } catch (ByteRange.UnsatisfiableException expected) {
        return;
      }
    }
    ByteRange r = ByteRange.parse(header, size).orElseThrow();
    assertThat(r.first()).isEqualTo(first);
    assertThat(r.last()).isEqualTo(Math.min(first + extra, size - 1));
    assertThat(r.contentRange(size)).isEqualTo("bytes " + first + "-" + r.last() + "/" + size);
  }
}
