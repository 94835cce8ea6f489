package dev.registryclient.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class JsonProperties {

  @Property
  void stringsRoundTrip(@ForAll String s) {
    assertThat(Json.parse(Json.write(s))).isEqualTo(s);
  }

  @Property
  void objectsRoundTripInBothLayouts(@ForAll String key, @ForAll String value, @ForAll long n) {
    Map<String, Object> doc = Json.object(key, value, key + "n", n, "list", List.of(value, true));
    assertThat(Json.parse(Json.write(doc))).isEqualTo(doc);
    assertThat(Json.parse(Json.pretty(doc, "", "   "))).isEqualTo(doc);
  }

  @Property
  void arbitraryTextOnlyEverFailsWithIllegalArgumentException(@ForAll String text) {
    try {
      Json.parse(text);
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).startsWith("invalid JSON at offset");
    }
  }

  @Property
  void deepNestingIsRefusedNotOverflowed(@ForAll("depth") int depth) {
    String text = "[".repeat(depth) + "]".repeat(depth);
    try {
      assertThat(Json.parse(text)).isInstanceOf(List.class);
      assertThat(depth).isLessThanOrEqualTo(65);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).contains("nesting");
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> depth() {
    return net.jqwik.api.Arbitraries.integers().between(1, 5000);
  }
}
