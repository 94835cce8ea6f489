package dev.registryclient.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void onlyStrictJsonIsAccepted() {
    for (String notJson :
        new String[] {
          "{\"a\":1,}",
          "[1,]",
          "{'a':1}",
          "{a:1}",
          "// comment\n{}",
          "{\"a\":NaN}",
          "{\"a\":01}",
          "\"tab\tinside\"",
          "{\"a\":1} {\"b\":2}",
          "{\"a\":1} x",
          "nul",
        }) {
      assertThatThrownBy(() -> Json.parse(notJson)).as(notJson).isInstanceOf(JsonException.class);
    }
  }

  @Test
  void emptyTextAndAnotherValueThanAnObjectAreRefused() {
    assertThatThrownBy(() -> Json.parse(" \n")).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> Json.parseObject("[{\"a\":1}]"))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("other than an object");
  }

  @Test
  void ofDuplicateKeysTheLastWinsAsInGo() {
    assertThat(Json.parseObject("{\"token\":\"first\",\"token\":\"last\"}").get("token").asText())
        .isEqualTo("last");
  }

  @Test
  void signedDocumentsRefuseADuplicateKeyAtAnyDepthWithoutQuotingIt() {
    assertThat(Json.parseObjectWithoutDuplicateKeys("{\"a\":{\"b\":1},\"c\":[{\"b\":2}]}").size())
        .isEqualTo(2);

    for (String duplicate :
        new String[] {"{\"secret\":1,\"secret\":2}", "{\"a\":{\"secret\":1,\"secret\":1}}"}) {
      assertThatThrownBy(() -> Json.parseObjectWithoutDuplicateKeys(duplicate))
          .as(duplicate)
          .isInstanceOf(JsonException.class)
          .hasMessageStartingWith("a key given twice in one object at line 1")
          .hasMessageNotContaining("secret");
    }
  }

  @Test
  void nestingIsLimitedToSixtyFourLevels() {
    int depth = Json.MAX_DEPTH;
    assertThat(Json.parse("[".repeat(depth) + "]".repeat(depth)).isArray()).isTrue();

    assertThatThrownBy(() -> Json.parse("[".repeat(depth + 1) + "]".repeat(depth + 1)))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("nesting depth");
  }

  @Test
  void numbersOfAnySizeUpToAThousandDigitsParse() {
    JsonNode n =
        Json.parseObject("{\"a\":1e2147483648,\"b\":-1e999,\"c\":" + "9".repeat(999) + "}");
    assertThat(n.get("a").doubleValue()).isInfinite();
    assertThat(n.get("b").doubleValue()).isInfinite();
    assertThat(n.get("c").isIntegralNumber()).isTrue();

    assertThatThrownBy(() -> Json.parse("9".repeat(1001)))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("Number value length (1001) exceeds the maximum allowed (1000");
  }

  @Test
  void messagesSayWhereButNeverQuoteTheContent() {
    assertThatThrownBy(() -> Json.parse("{\"auth\":secret-value}"))
        .isInstanceOf(JsonException.class)
        .hasMessage("invalid JSON at line 1, column 9")
        .hasNoCause();
    assertThatThrownBy(() -> Json.parse("{\n\"auth\":\"c2VjcmV0"))
        .isInstanceOf(JsonException.class)
        .hasMessage("unexpected end of input at line 2, column 17");
    assertThatThrownBy(() -> Json.parse("{} {\"token\":\"abc\"}"))
        .isInstanceOf(JsonException.class)
        .hasMessage("text after the JSON value at line 1, column 4");
  }

  @Test
  void stringMembersAreReadOnlyWhenTheyAreStrings() {
    JsonNode json = Json.parseObject("{\"s\":\"x\",\"empty\":\"\",\"n\":1,\"nil\":null,\"o\":{}}");
    assertThat(Json.string(json, "s")).contains("x");
    assertThat(Json.string(json, "empty")).contains("");
    assertThat(Json.string(json, "n")).isEmpty();
    assertThat(Json.string(json, "nil")).isEmpty();
    assertThat(Json.string(json, "o")).isEmpty();
    assertThat(Json.string(json, "absent")).isEmpty();
  }
}
