package dev.registryclient.core.transport;

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
    assertThat(ErrorBodyParser.parse("{\"message\":\"repository is archived\"}").text())
        .isEqualTo("repository is archived");
  }

  @Test
  void quayBodiesGiveTheirErrorMessage() {
    String quay =
        "{\"detail\": \"Invalid token\", \"error_message\": \"Requires authentication\","
            + " \"error_type\": \"invalid_token\", \"title\": \"invalid_token\","
            + " \"type\": \"https://quay.io/api/v1/error/invalid_token\", \"status\": 401}";

    assertThat(ErrorBodyParser.parse(quay).text()).isEqualTo("Requires authentication");
    assertThat(ErrorBodyParser.parse("{\"title\": \"not_found\", \"status\": 404}").text())
        .isEqualTo("not_found");
  }

  @Test
  void oauthTokenEndpointBodiesGiveErrorAndDescription() {
    assertThat(
            ErrorBodyParser.parse(
                    "{\"error\":\"invalid_grant\",\"error_description\":\"the refresh token"
                        + " expired\"}")
                .text())
        .isEqualTo("invalid_grant: the refresh token expired");
    assertThat(ErrorBodyParser.parse("{\"error\":{\"code\":403,\"message\":\"no\"}}").text())
        .isEqualTo("no");
  }

  @Test
  void jsonOfNoKnownShapeIsNeverQuotedRaw() {
    assertThat(ErrorBodyParser.parse("{\"status\":500,\"path\":\"/v2/app\"}").isEmpty()).isTrue();
    assertThat(ErrorBodyParser.parse("[1,2,3]").isEmpty()).isTrue();
    assertThat(ErrorBodyParser.parse("{\"errors\":[{\"code\":\"X\"").isEmpty()).isTrue();
    assertThat(ErrorBodyParser.parse("{\"message\":\"{\\\"a\\\":1}\"}").text()).isEmpty();
  }

  @Test
  void htmlIsOmittedButAnS3StyleXmlErrorGivesCodeAndMessage() {
    assertThat(
            ErrorBodyParser.parse("<html><body><h1>502 Bad Gateway</h1></body></html>").isEmpty())
        .isTrue();
    assertThat(
            ErrorBodyParser.parse(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code>"
                        + "<Message>Request has expired</Message><RequestId>X</RequestId></Error>")
                .text())
        .isEqualTo("AccessDenied: Request has expired");
  }

  @Test
  void textBodyGivesItsFirstLineCapped() {
    assertThat(ErrorBodyParser.parse("Too Many Requests (HAP429).\n").text())
        .isEqualTo("Too Many Requests (HAP429).");
    assertThat(ErrorBodyParser.parse("\n  upstream timed out  \nat line 2\n").text())
        .isEqualTo("upstream timed out");
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
