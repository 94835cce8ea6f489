package dev.registryclient.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.core.testing.RealWorld;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChallengeParserTest {

  @Test
  void everyRealWorldHeaderParsesWithSchemeAndRealm() {
    List<String> values = RealWorld.valueLines("www-authenticate.txt");
    assertThat(values).hasSizeGreaterThan(10);
    for (String value : values) {
      List<AuthChallenge> challenges = ChallengeParser.parse(value);
      assertThat(challenges).as(value).isNotEmpty();
      assertThat(challenges)
          .allSatisfy(c -> assertThat(c.isBearer() || c.isBasic()).as(value).isTrue());
      assertThat(challenges.get(0).realm()).as(value).isPresent();
    }
  }

  @Test
  void twoChallengesInOneValueAreSplit() {
    List<AuthChallenge> cs =
        ChallengeParser.parse(
            "Bearer realm=\"https://codeberg.org/v2/token\",service=\"container_registry\",scope=\"*\",Basic realm=\"https://codeberg.org/v2\",service=\"container_registry\",scope=\"*\"");
    assertThat(cs).extracting(AuthChallenge::scheme).containsExactly("bearer", "basic");
    assertThat(cs.get(1).realm()).contains("https://codeberg.org/v2");
  }

  @Test
  void challengesAcrossHeaderValuesAreJoinedInOrder() {
    List<AuthChallenge> cs =
        ChallengeParser.parse(List.of("Basic realm=\"r\"", "Bearer realm=\"t\""));
    assertThat(cs).extracting(AuthChallenge::scheme).containsExactly("basic", "bearer");
  }

  @Test
  void upperCaseSchemeAndUnquotedValuesAreAccepted() {
    assertThat(
            ChallengeParser.parse("BASIC realm=\"Sonatype Nexus Repository Manager\"")
                .get(0)
                .isBasic())
        .isTrue();
    AuthChallenge gcr =
        ChallengeParser.parse("Bearer realm=\"https://gcr.io/v2/token\",service=gcr.io").get(0);
    assertThat(gcr.service()).contains("gcr.io");
  }

  @Test
  void quotedStringsKeepEscapedQuotesAndCommas() {
    AuthChallenge c =
        ChallengeParser.parse(
                "Bearer realm=\"https://a/t\", error_description=\"say \\\"no\\\", twice\", scope=\"repository:a:pull,push\"")
            .get(0);
    assertThat(c.param("error_description")).contains("say \"no\", twice");
    assertThat(c.scopes()).containsExactly("repository:a:pull,push");
  }

  @Test
  void insufficientScopeIsRecognised() {
    AuthChallenge c =
        ChallengeParser.parse(
                "Bearer realm=\"https://abc.io/oauth2/token\",service=\"abc.io\",scope=\"repository:nginx:push,pull\",error=\"insufficient_scope\"")
            .get(0);
    assertThat(c.isInsufficientScope()).isTrue();
  }

  @Test
  void token68IsKeptApartFromParams() {
    List<AuthChallenge> cs = ChallengeParser.parse("Negotiate abc+/==, Basic realm=x");
    assertThat(cs.get(0).token68()).contains("abc+/==");
    assertThat(cs.get(0).params()).isEmpty();
    assertThat(cs.get(1).realm()).contains("x");
  }

  @Test
  void schemeWithoutParamsIsAChallenge() {
    assertThat(ChallengeParser.parse("Basic"))
        .containsExactly(new AuthChallenge("basic", Map.of(), Optional.empty()));
  }

  @Test
  void unterminatedQuoteIsRefusedNamingTheValue() {
    assertThatThrownBy(() -> ChallengeParser.parse("Bearer realm=\"https://x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("closing quote")
        .hasMessageContaining("realm=\"https://x");
  }
}
