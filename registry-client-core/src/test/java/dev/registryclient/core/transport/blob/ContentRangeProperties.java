package dev.registryclient.core.transport.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class ContentRangeProperties {

  @Property
  void arbitraryTextNeverThrows(@ForAll String value) {
    assertThat(ContentRange.parse(value)).isNotNull();
  }

  @Property
  void renderedRangesParseBack(
      @ForAll @LongRange(min = 0, max = 1L << 40) long first,
      @ForAll @LongRange(min = 0, max = 1L << 40) long length,
      @ForAll @LongRange(min = 1, max = 1L << 40) long extra) {
    ContentRange range =
        new ContentRange(first, first + length, OptionalLong.of(first + length + extra));
    assertThat(ContentRange.parse(range.toString())).contains(range);
  }

  @Property
  void inconsistentRangesAreRejected(
      @ForAll @LongRange(min = 1, max = 1000) long first,
      @ForAll @LongRange(min = 0, max = 999) long total) {
    assertThat(ContentRange.parse("bytes " + first + "-" + (first - 1) + "/*")).isEmpty();
    assertThat(ContentRange.parse("bytes 0-" + total + "/" + total)).isEmpty();
  }
}
