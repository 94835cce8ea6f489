package dev.registryclient.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.exception.RegistryError;
import dev.registryclient.core.internal.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ErrorBodyParserProperties {
  private static final int MAX_QUOTED = ErrorBodyParser.MAX_TEXT + "...".length();

  @Property
  void arbitraryBodiesNeverFailAndQuoteAtMostOneShortLine(@ForAll String body) {
    ErrorBody parsed = ErrorBodyParser.parse(body);

    assertShortAndOneLine(parsed);
  }

  @Property
  void jsonBodiesOfAnyShapeAreNeverQuotedRaw(@ForAll("jsonBodies") String body) {
    ErrorBody parsed = ErrorBodyParser.parse(body);

    assertShortAndOneLine(parsed);
    assertThat(parsed.text()).doesNotContain("{\"", "\":", "[{");
  }

  @Property
  void jsonCutAnywhereIsNeverQuotedRaw(
      @ForAll("jsonObjects") String body, @ForAll("fractions") double cut) {
    String prefix = body.substring(0, (int) (body.length() * cut));

    ErrorBody parsed = ErrorBodyParser.parse(prefix);

    assertShortAndOneLine(parsed);
    assertThat(parsed.text()).doesNotContain("{\"", "\":");
  }

  private static void assertShortAndOneLine(ErrorBody parsed) {
    assertThat(parsed.text()).hasSizeLessThanOrEqualTo(MAX_QUOTED).doesNotContain("\n", "\r");
    assertThat(parsed.errors()).hasSizeLessThanOrEqualTo(ErrorBodyParser.MAX_ENTRIES);
    for (RegistryError e : parsed.errors()) {
      assertThat(e.message()).hasSizeLessThanOrEqualTo(MAX_QUOTED).doesNotContain("\n");
    }
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 1);
  }

  @Provide
  Arbitrary<String> jsonBodies() {
    return Arbitraries.oneOf(jsonObjects(), value(2).map(JsonWriter::render));
  }

  @Provide
  Arbitrary<String> jsonObjects() {
    return object(3).map(JsonWriter::render);
  }

  /** Objects whose keys include the ones registries use, with values of any JSON type. */
  private static Arbitrary<Object> object(int depth) {
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of(
                "errors",
                "error",
                "error_description",
                "error_message",
                "message",
                "details",
                "detail",
                "title",
                "code"),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
    return Arbitraries.maps(keys, value(depth - 1))
        .ofMaxSize(5)
        .map(m -> (Object) new LinkedHashMap<String, Object>(m));
  }

  private static Arbitrary<Object> value(int depth) {
    // texts without braces, so any brace in a quoted result could only come from raw JSON
    Arbitrary<Object> text =
        Arbitraries.strings()
            .withCharRange(' ', 'z')
            .withChars('\n', '\t', 'é')
            .excludeChars('{', '}', '[', ']', '"', ':')
            .ofMaxLength(400)
            .map(s -> (Object) s);
    Arbitrary<Object> scalar =
        Arbitraries.oneOf(
            text,
            Arbitraries.integers().map(i -> (Object) new java.math.BigDecimal(i)),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.just(null));
    if (depth <= 0) {
      return scalar;
    }
    Arbitrary<Object> list =
        value(depth - 1).list().ofMaxSize(4).map(l -> (Object) List.copyOf(nonNull(l)));
    return Arbitraries.oneOf(scalar, list, object(depth));
  }

  private static List<Object> nonNull(List<Object> values) {
    return values.stream().map(v -> v == null ? (Object) Map.of() : v).toList();
  }
}
