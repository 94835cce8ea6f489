package dev.registryclient.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryclient.core.testing.JsonTrees;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.StringLength;

class JsonProperties {
  /** Every message, with numbers as N; none has room for a piece of the document. */
  private static final Set<String> MESSAGES =
      Set.of(
          "invalid JSON at line N, column N",
          "unexpected end of input at line N, column N",
          "text after the JSON value at line N, column N",
          "no JSON value, the text is empty");

  @Property
  void jsonParsesBackToTheSameTree(@ForAll("trees") JsonNode tree) {
    assertThat(Json.parse(tree.toString())).isEqualTo(tree);
  }

  @Property
  void arbitraryTextParsesOrFailsWithAMessageFreeOfContent(@ForAll String text) {
    assertParsesOrFailsCleanly(text);
  }

  @Property
  void jsonCutOrCorruptedAnywhereParsesOrFailsWithAMessageFreeOfContent(
      @ForAll("trees") JsonNode tree,
      @ForAll @DoubleRange(min = 0, max = 1) double at,
      @ForAll @CharRange(from = ' ', to = '~') char inserted,
      @ForAll boolean cut) {
    String text = tree.toString();
    int i = (int) (text.length() * at);
    assertParsesOrFailsCleanly(
        cut ? text.substring(0, i) : text.substring(0, i) + inserted + text.substring(i));
  }

  @Property
  void aSecretInABrokenDocumentIsNeverInTheMessage(
      @ForAll @CharRange(from = 'a', to = 'z') @StringLength(min = 8, max = 30) String secret,
      @ForAll @DoubleRange(min = 0, max = 1) double cutAt,
      @ForAll boolean quoted) {
    String document =
        "{\"auths\":{\"r.example\":{\"auth\":" + (quoted ? "\"" + secret + "\"" : secret) + "}}}";
    String text = document.substring(0, (int) (document.length() * cutAt));
    try {
      Json.parse(text);
    } catch (JsonException e) {
      assertThat(e.getMessage()).doesNotContain(secret);
    }
  }

  private static void assertParsesOrFailsCleanly(String text) {
    try {
      assertThat(Json.parse(text)).isNotNull();
    } catch (JsonException e) {
      assertThat(MESSAGES).contains(e.getMessage().replaceAll("\\d+", "N"));
      assertThat(e).hasNoCause();
    }
  }

  @Provide
  Arbitrary<JsonNode> trees() {
    Arbitrary<String> texts =
        Arbitraries.strings().all().ofMaxLength(20); // any character, escaped or not
    return JsonTrees.values(4, texts, texts);
  }
}
