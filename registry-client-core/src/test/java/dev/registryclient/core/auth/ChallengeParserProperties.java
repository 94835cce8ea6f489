package dev.registryclient.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ChallengeParserProperties {

  @Property
  void renderedChallengesParseBackInOneHeader(
      @ForAll("challengeLists") List<AuthChallenge> challenges) {
    String header =
        challenges.stream().map(AuthChallenge::toString).collect(Collectors.joining(", "));
    assertThat(ChallengeParser.parse(header)).isEqualTo(challenges);
  }

  @Property
  void renderedChallengesParseBackAcrossHeaders(
      @ForAll("challengeLists") List<AuthChallenge> challenges) {
    List<String> headers = challenges.stream().map(AuthChallenge::toString).toList();
    assertThat(ChallengeParser.parse(headers)).isEqualTo(challenges);
  }

  @Property
  void schemeCaseDoesNotMatter(@ForAll("challenges") AuthChallenge challenge) {
    String upper =
        challenge.scheme().toUpperCase()
            + challenge.toString().substring(challenge.scheme().length());
    assertThat(ChallengeParser.parse(upper)).containsExactly(challenge);
  }

  @Property
  void arbitraryTextEitherParsesOrIsRefusedWithIllegalArgument(@ForAll String text) {
    try {
      assertThat(ChallengeParser.parse(text)).isNotNull();
    } catch (IllegalArgumentException expected) {
      assertThat(expected).hasMessageContaining("WWW-Authenticate");
    }
  }

  @Provide
  Arbitrary<List<AuthChallenge>> challengeLists() {
    return challenges().list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<AuthChallenge> challenges() {
    Arbitrary<String> scheme = Arbitraries.of("bearer", "basic", "digest", "x-custom");
    Arbitrary<String> name =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars('_', '-')
            .ofMinLength(1)
            .ofMaxLength(12);
    Arbitrary<String> value =
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .withChars('"', '\\', ',', '=', 'é')
            .ofMaxLength(40);
    Arbitrary<Map<String, String>> params =
        Combinators.combine(name, value)
            .as(Map::entry)
            .list()
            .ofMinSize(1)
            .ofMaxSize(5)
            .map(
                entries -> {
                  Map<String, String> m = new LinkedHashMap<>();
                  entries.forEach(e -> m.putIfAbsent(e.getKey(), e.getValue()));
                  return m;
                });
    return Combinators.combine(scheme, params)
        .as((s, p) -> new AuthChallenge(s, p, Optional.empty()));
  }
}
