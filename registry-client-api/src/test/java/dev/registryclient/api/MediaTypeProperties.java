package dev.registryclient.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MediaTypeProperties {
  private static final String TOKEN_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~";

  private static Arbitrary<String> token() {
    return Arbitraries.strings().withChars(TOKEN_CHARS).ofMinLength(1).ofMaxLength(12);
  }

  @Provide
  Arbitrary<MediaType> mediaTypes() {
    Arbitrary<String> value =
        Arbitraries.oneOf(
            token(), Arbitraries.strings().withChars(" \t\"\\;=,é").ofMaxLength(6), token());
    Arbitrary<Map<String, String>> params =
        Arbitraries.maps(
                Arbitraries.oneOf(token().map(String::toLowerCase), Arbitraries.just("charset")),
                value)
            .ofMaxSize(4);
    return Combinators.combine(token(), token(), params).as(MediaType::create);
  }

  @Property
  void canonicalFormRoundTrips(@ForAll("mediaTypes") MediaType mt) {
    MediaType reparsed = MediaType.parse(mt.toString());

    assertThat(reparsed).isEqualTo(mt).hasToString(mt.toString());
    assertThat(reparsed.withoutParameters()).isEqualTo(mt.withoutParameters());
    assertThat(mt.is(mt.withoutParameters())).isTrue();
  }

  @Provide
  Arbitrary<String> nearMisses() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            token(),
            Arbitraries.strings().withChars("/;= \t\"\\,").ofMaxLength(3),
            Arbitraries.of("application/json", "; charset=utf-8", "\""));
    return piece.list().ofMaxSize(10).map(l -> String.join("", l));
  }

  @Property
  void arbitraryStringsFailOnlyWithIllegalArgument(@ForAll String value) {
    assertParsesOrRejectsCleanly(value);
  }

  @Property(tries = 3000)
  void nearMissesFailOnlyWithIllegalArgument(@ForAll("nearMisses") String value) {
    assertParsesOrRejectsCleanly(value);
  }

  private static void assertParsesOrRejectsCleanly(String value) {
    MediaType mt;
    try {
      mt = MediaType.parse(value);
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).startsWith("invalid media type \"");
      return;
    }
    assertThat(MediaType.parse(mt.toString())).isEqualTo(mt);
  }
}
