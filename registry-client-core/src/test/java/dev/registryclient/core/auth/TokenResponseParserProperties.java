package dev.registryclient.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.StringLength;

class TokenResponseParserProperties {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final ErrorContext CTX = ErrorContext.of(Phase.TOKEN).withRegistry("r.example");

  @Property
  void arbitraryBodiesGiveATokenOrAnInvalidContentError(@ForAll String body) {
    try {
      assertThat(TokenResponseParser.parse(body, NOW, CTX).value().reveal()).isNotEmpty();
    } catch (InvalidContentException expected) {
      assertThat(expected).hasMessageContaining("token response");
    }
  }

  @Property
  void aBodyCutAnywhereNeverHasItsTokenInTheMessage(
      @ForAll @CharRange(from = 'a', to = 'z') @StringLength(min = 8, max = 40) String token,
      @ForAll @DoubleRange(min = 0, max = 1) double cutAt) {
    String body = "{\"token\":\"" + token + "\",\"expires_in\":300}";
    String cut = body.substring(0, (int) (body.length() * cutAt));
    try {
      TokenResponseParser.parse(cut, NOW, CTX);
    } catch (InvalidContentException expected) {
      assertThat(expected.getMessage()).doesNotContain(token);
    }
  }

  @Property
  void anyExpiresInGivesAtLeastTheMinimumLifetimeAndNeverFails(
      @ForAll("expiresIn") String expiresIn) {
    Token t =
        TokenResponseParser.parse("{\"token\":\"t\",\"expires_in\":" + expiresIn + "}", NOW, CTX);

    Duration lifetime = Duration.between(NOW, t.expiresAt());
    assertThat(lifetime)
        .isGreaterThanOrEqualTo(TokenResponseParser.MIN_LIFETIME)
        .isLessThanOrEqualTo(Duration.ofSeconds(Integer.MAX_VALUE));
  }

  /** JSON values of every type and numbers of every form and size. */
  @Provide
  Arbitrary<String> expiresIn() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf),
        Arbitraries.bigIntegers()
            .between(java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30))
            .map(String::valueOf),
        Arbitraries.integers().map(e -> "1e" + e),
        Arbitraries.integers().map(e -> "-2.5E" + e),
        Arbitraries.of("\"300\"", "null", "true", "[300]", "{\"s\":300}", "0", "-0", "0.5"));
  }
}
