package dev.registryclient.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.core.testing.RealWorld;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorBodyParserTest {

  @Test
  void everyRealWorldBodySaysSomething() {
    List<String> bodies = RealWorld.blocks("error-bodies.txt");
    assertThat(bodies).hasSizeGreaterThanOrEqualTo(9);
    for (String body : bodies) {
      assertThat(ErrorBodyParser.parse(body).isEmpty()).as(body).isFalse();
    }
  }

  @Test
  void specBodyGivesCodesMessagesAndDetail() {
    ErrorBody b = ErrorBodyParser.parse(RealWorld.blocks("error-bodies.txt").get(0));
    assertThat(b.errors()).hasSize(1);
    assertThat(b.errors().get(0).code()).isEqualTo("UNAUTHORIZED");
    assertThat(b.errors().get(0).message()).isEqualTo("authentication required");
    assertThat(b.errors().get(0).detail().orElseThrow()).contains("\"Name\":\"library/postgres\"");
  }

  @Test
  void otherJsonShapesGiveTheirMessage() {
    assertThat(ErrorBodyParser.parse("{\"error\": \"Invalid bearer token format\"}").text())
        .isEqualTo("Invalid bearer token format");
    assertThat(ErrorBodyParser.parse("{\"details\":\"incorrect username or password\"}").text())
        .isEqualTo("incorrect username or password");
  }

  @Test
  void textBodyIsQuotedUpToOneKibibyte() {
    assertThat(ErrorBodyParser.parse("Too Many Requests (HAP429).\n").text())
        .isEqualTo("Too Many Requests (HAP429).");
    String longText = "x".repeat(5000);
    assertThat(ErrorBodyParser.parse(longText).text()).hasSize(ErrorBodyParser.MAX_TEXT + 3);
  }

  @Test
  void onlySixtyFourKibibytesAreRead() throws Exception {
    byte[] huge =
        ("{\"errors\":[" + "{\"code\":\"X\"},".repeat(20000) + "]}")
            .getBytes(StandardCharsets.UTF_8);
    ByteArrayInputStream in = new ByteArrayInputStream(huge);
    ErrorBody b = ErrorBodyParser.parse(in);
    assertThat(in.available()).isEqualTo(huge.length - ErrorBodyParser.MAX_BODY - 1);
    assertThat(b.text()).hasSizeLessThanOrEqualTo(ErrorBodyParser.MAX_TEXT + 3);
  }
}
