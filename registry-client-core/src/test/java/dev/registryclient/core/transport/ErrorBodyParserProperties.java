package dev.registryclient.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryclient.api.exception.RegistryError;
import dev.registryclient.core.testing.JsonTrees;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ErrorBodyParserProperties {
  /** The member names registries use, and others. */
  private static final Arbitrary<String> NAMES =
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

  /** Texts without braces, so any brace in a quoted result could only come from raw JSON. */
  private static final Arbitrary<String> TEXTS =
      Arbitraries.strings()
          .withCharRange(' ', 'z')
          .withChars('\n', '\t', 'é')
          .excludeChars('{', '}', '[', ']', '"', ':')
          .ofMaxLength(400);

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
    return JsonTrees.values(3, NAMES, TEXTS).map(JsonNode::toString);
  }

  @Provide
  Arbitrary<String> jsonObjects() {
    return JsonTrees.objects(3, NAMES, TEXTS).map(JsonNode::toString);
  }
}
