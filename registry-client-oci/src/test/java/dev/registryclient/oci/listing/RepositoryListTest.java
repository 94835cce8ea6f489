package dev.registryclient.oci.listing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import org.junit.jupiter.api.Test;

class RepositoryListTest {

  private static RepositoryList parse(String json) {
    return RepositoryList.parse(json.getBytes(UTF_8), ErrorContext.of(Phase.CATALOG));
  }

  @Test
  void parsesRepositoriesInOrder() {
    assertThat(
            parse("{\"repositories\":[\"library/alpine\",\"a/b-c/d__e\",\"x.y\"]}").repositories())
        .containsExactly("library/alpine", "a/b-c/d__e", "x.y");
  }

  @Test
  void missingOrNullRepositoriesIsEmpty() {
    assertThat(parse("{}").repositories()).isEmpty();
    assertThat(parse("{\"repositories\":null}").repositories()).isEmpty();
  }

  @Test
  void invalidNamesAreSkippedAndReported() {
    RepositoryList list = parse("{\"repositories\":[\"Upper/case\",\"ok\",\"a//b\",\"-a\",1]}");
    assertThat(list.repositories()).containsExactly("ok");
    assertThat(list.skipped()).hasSize(4);
  }

  @Test
  void repositoriesThatAreNotAnArrayAreRefused() {
    assertThatThrownBy(() -> parse("{\"repositories\":{}}"))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("catalog");
  }
}
