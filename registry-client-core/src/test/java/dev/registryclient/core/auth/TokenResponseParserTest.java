package dev.registryclient.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.core.internal.json.Json;
import dev.registryclient.core.testing.RealWorld;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenResponseParserTest {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final ErrorContext CTX = ErrorContext.of(Phase.TOKEN).withRegistry("r.example");

  @Test
  void realWorldCompleteBodiesGiveATokenAndCutOnesATypedError() {
    int complete = 0;
    for (String line : RealWorld.jsonLines("token-responses.jsonl")) {
      JsonNode wrapper = Json.parseObject(line);
      String raw = wrapper.path("raw").textValue();
      if (wrapper.path("complete").booleanValue()) {
        Token t = TokenResponseParser.parse(raw, NOW, CTX);
        assertThat(t.value().reveal()).isNotEmpty();
        assertThat(t.expiresAt()).isAfterOrEqualTo(NOW.plusSeconds(60));
        complete++;
      } else {
        assertThatThrownBy(() -> TokenResponseParser.parse(raw, NOW, CTX))
            .isInstanceOf(InvalidContentException.class)
            .hasMessageNotContaining("eyJ");
      }
    }
    assertThat(complete).isGreaterThanOrEqualTo(2);
  }

  @Test
  void accessTokenIsAcceptedAndIssuedAtRead() {
    Token t =
        TokenResponseParser.parse(
            "{\"access_token\":\"abc\",\"expires_in\":300,\"issued_at\":\"2022-11-01T06:11:20.10593176Z\"}",
            NOW,
            CTX);
    assertThat(t.value().reveal()).isEqualTo("abc");
    assertThat(t.expiresAt()).isEqualTo(NOW.plus(Duration.ofSeconds(300)));
    assertThat(t.issuedAt()).contains(Instant.parse("2022-11-01T06:11:20.10593176Z"));
  }

  @Test
  void lifetimeDefaultsToAndIsAtLeastSixtySeconds() {
    assertThat(TokenResponseParser.parse("{\"token\":\"a\"}", NOW, CTX).expiresAt())
        .isEqualTo(NOW.plusSeconds(60));
    assertThat(
            TokenResponseParser.parse("{\"token\":\"a\",\"expires_in\":5}", NOW, CTX).expiresAt())
        .isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void bodyWithoutTokenIsATypedError() {
    assertThatThrownBy(() -> TokenResponseParser.parse("{\"details\":\"x\"}", NOW, CTX))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("neither token nor access_token");
  }

  @Test
  void membersOfTheWrongTypeCountAsAbsent() {
    assertThatThrownBy(() -> TokenResponseParser.parse("{\"token\":123}", NOW, CTX))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("neither token nor access_token");
    Token t =
        TokenResponseParser.parse(
            "{\"token\":\"a\",\"expires_in\":\"3600\",\"issued_at\":5,\"refresh_token\":[]}",
            NOW,
            CTX);
    assertThat(t.expiresAt()).isEqualTo(NOW.plusSeconds(60));
    assertThat(t.issuedAt()).isEmpty();
    assertThat(t.refreshToken()).isEmpty();
  }

  @Test
  void bodyOverOneMebibyteIsRefused() {
    byte[] big = new byte[TokenResponseParser.MAX_BODY + 1];
    assertThatThrownBy(() -> TokenResponseParser.parse(new ByteArrayInputStream(big), NOW, CTX))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("1 MiB");
  }

  @Test
  void nonJsonBodyIsRefusedWithoutQuotingIt() {
    assertThatThrownBy(() -> TokenResponseParser.parse("<html>secret-looking</html>", NOW, CTX))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageNotContaining("secret-looking");
  }
}
