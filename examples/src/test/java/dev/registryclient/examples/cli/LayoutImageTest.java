package dev.registryclient.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code push} reads its {@code DIR[:TAG]} argument. */
class LayoutImageTest {
  @TempDir Path dir;

  @Test
  void theLastColonSeparatesTheTag() {
    assertThat(LayoutImage.parse("out/app:1.0"))
        .isEqualTo(new LayoutImage(Path.of("out/app"), Optional.of("1.0")));
  }

  @Test
  void withoutAColonThereIsNoTag() {
    assertThat(LayoutImage.parse("out"))
        .isEqualTo(new LayoutImage(Path.of("out"), Optional.empty()));
  }

  @Test
  void aColonInsideThePathIsPartOfTheDirectory() {
    assertThat(LayoutImage.parse("a:b/out"))
        .isEqualTo(new LayoutImage(Path.of("a:b/out"), Optional.empty()));
  }

  @Test
  void anExistingDirectoryWithAColonInItsNameIsTakenWhole() throws Exception {
    Path named = Files.createDirectory(dir.resolve("out:1.0"));

    assertThat(LayoutImage.parse(named.toString()))
        .isEqualTo(new LayoutImage(named, Optional.empty()));
  }

  @Test
  void anEmptyTagIsRefused() {
    assertThatThrownBy(() -> LayoutImage.parse("out:"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty tag");
  }
}
