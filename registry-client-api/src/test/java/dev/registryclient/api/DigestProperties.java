package dev.registryclient.api;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DigestProperties {

  @Provide
  Arbitrary<String> validDigests() {
    Arbitrary<Digest.Algorithm> algorithm = Arbitraries.of(Digest.Algorithm.class);
    return algorithm.flatMap(
        a ->
            Arbitraries.strings()
                .withChars("0123456789abcdef")
                .ofLength(a.hexLength())
                .map(hex -> a.prefix() + ":" + hex));
  }

  @Property
  void validDigestsRoundTrip(@ForAll("validDigests") String value) {
    Digest d = Digest.parse(value);

    assertThat(d).hasToString(value);
    assertThat(Digest.parse(d.toString())).isEqualTo(d);
    assertThat(Digest.of(d.algorithm(), d.hex())).isEqualTo(d);
  }

  @Property
  void computedDigestsRoundTrip(@ForAll byte[] content) {
    Digest d = Digest.sha256(content);

    assertThat(Digest.parse(d.toString())).isEqualTo(d);
    assertThat(d.matches(content)).isTrue();
  }

  @Provide
  Arbitrary<String> digestLikeStrings() {
    Arbitrary<String> prefix = Arbitraries.of("sha256", "sha512", "SHA256", "sha384", "", "x");
    Arbitrary<String> body =
        Arbitraries.strings().withChars("0123456789abcdefABCDEF:g \n").ofMaxLength(140);
    return Combinators.combine(prefix, Arbitraries.of(":", "", "::"), body)
        .as((p, sep, b) -> p + sep + b);
  }

  @Property
  void arbitraryStringsFailOnlyWithIllegalArgument(@ForAll String value) {
    assertParsesOrRejectsCleanly(value);
  }

  @Property
  void nearMissesFailOnlyWithIllegalArgument(@ForAll("digestLikeStrings") String value) {
    assertParsesOrRejectsCleanly(value);
  }

  private static void assertParsesOrRejectsCleanly(String value) {
    try {
      assertThat(Digest.parse(value)).hasToString(value);
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).startsWith("invalid digest");
    }
  }
}
