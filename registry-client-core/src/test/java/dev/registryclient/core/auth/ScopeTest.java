package dev.registryclient.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {

  @Test
  void parsesAndPrintsCanonically() {
    Scope s = Scope.parse("repository:samalba/my-app:push,pull");
    assertThat(s.name()).isEqualTo("samalba/my-app");
    assertThat(s).hasToString("repository:samalba/my-app:pull,push");
    assertThat(Scope.catalog()).hasToString("registry:catalog:*");
  }

  @Test
  void mergeUnitesActionsPerRepositoryAndKeepsSeveralRepositories() {
    List<Scope> merged =
        Scope.merge(
            List.of(Scope.pull("app"), Scope.parse("repository:app:push"), Scope.pull("base")));
    assertThat(merged)
        .extracting(Scope::toString)
        .containsExactly("repository:app:pull,push", "repository:base:pull");
  }

  @Test
  void coversIsActionContainment() {
    assertThat(Scope.push("a").covers(Scope.pull("a"))).isTrue();
    assertThat(Scope.pull("a").covers(Scope.push("a"))).isFalse();
    assertThat(Scope.pull("a").covers(Scope.pull("b"))).isFalse();
  }

  @Test
  void textWithoutThreePartsIsRefused() {
    assertThatThrownBy(() -> Scope.parse("*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("*");
    assertThatThrownBy(() -> Scope.parse("repository:app:"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
