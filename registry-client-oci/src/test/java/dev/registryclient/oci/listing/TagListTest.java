package dev.registryclient.oci.listing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import org.junit.jupiter.api.Test;

class TagListTest {

  private static final ErrorContext CTX = ErrorContext.of(Phase.TAGS, "registry.example", "ns/app");

  private static TagList parse(String json) {
    return TagList.parse(json.getBytes(UTF_8), CTX);
  }

  @Test
  void parsesNameAndTagsInOrder() {
    TagList list = parse("{\"name\":\"ns/app\",\"tags\":[\"v2\",\"latest\",\"1.0.0-rc_1\"]}");
    assertThat(list.name()).isEqualTo("ns/app");
    assertThat(list.tags()).containsExactly("v2", "latest", "1.0.0-rc_1");
    assertThat(list.skipped()).isEmpty();
  }

  @Test
  void nullOrMissingTagsIsAnEmptyList() {
    assertThat(parse("{\"name\":\"ns/app\",\"tags\":null}").tags()).isEmpty();
    assertThat(parse("{\"name\":\"ns/app\"}").tags()).isEmpty();
  }

  @Test
  void invalidTagsAreSkippedAndReported() {
    String tooLong = "a".repeat(129);
    TagList list =
        parse(
            "{\"name\":\"x\",\"tags\":[\"ok\",\".hidden\",\"-x\",\"a b\",\""
                + tooLong
                + "\",7,null,\"fine\"]}");
    assertThat(list.tags()).containsExactly("ok", "fine");
    assertThat(list.skipped()).hasSize(6).contains("\".hidden\"", "7", "null");
  }

  @Test
  void tagsThatAreNotAnArrayAreRefused() {
    assertThatThrownBy(() -> parse("{\"tags\":\"latest\"}"))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("\"tags\" must be an array");
  }

  @Test
  void nonJsonAndNonObjectBodiesAreRefused() {
    assertThatThrownBy(() -> parse("<html>502</html>"))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("tag list is not valid JSON")
        .hasMessageContaining("registry.example/ns/app");
    assertThatThrownBy(() -> parse("[\"a\"]")).isInstanceOf(InvalidContentException.class);
    assertThatThrownBy(() -> parse("")).isInstanceOf(InvalidContentException.class);
    assertThatThrownBy(() -> parse("{\"tags\":[]} trailing"))
        .isInstanceOf(InvalidContentException.class);
  }

  @Test
  void duplicateKeysAreRefused() {
    assertThatThrownBy(() -> parse("{\"tags\":[\"a\"],\"tags\":[\"b\"]}"))
        .isInstanceOf(InvalidContentException.class);
  }
}
