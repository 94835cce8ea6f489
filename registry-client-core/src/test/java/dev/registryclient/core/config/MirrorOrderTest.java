package dev.registryclient.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MirrorOrderTest {

  @Test
  void listsThatOverlapAreJoinedKeepingTheirOrder() {
    // the example of ImageDigestMirrorSetSpec's documentation
    assertThat(MirrorOrder.merge("src", List.of(List.of("a", "b", "c"), List.of("c", "d", "e"))))
        .containsExactly("a", "b", "c", "d", "e");
    // and of runtime-utils' mergedMirrorSets: (B, C) and (A, B) give (A, B, C)
    assertThat(MirrorOrder.merge("src", List.of(List.of("b", "c"), List.of("a", "b"))))
        .containsExactly("a", "b", "c");
  }

  @Test
  void theSourceAtTheEndIsDroppedElsewhereItStays() {
    assertThat(MirrorOrder.merge("src", List.of(List.of("a", "src")))).containsExactly("a");
    assertThat(MirrorOrder.merge("src", List.of(List.of("src", "a")))).containsExactly("src", "a");
  }

  @Test
  void listsThatDisagreeStillGiveEveryMirrorOnce() {
    assertThat(MirrorOrder.merge("src", List.of(List.of("a", "b"), List.of("b", "a"))))
        .containsExactly("a", "b");
  }

  @Test
  void disjointListsKeepTheOrderTheyWereSeenIn() {
    assertThat(MirrorOrder.merge("src", List.of(List.of("x"), List.of("y"))))
        .containsExactly("x", "y");
  }
}
