package dev.registryclient.benchmarks.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageLayoutTest {

  @Test
  void parsesCountAndSizeInMebibytesOrKibibytes() {
    assertThat(ImageLayout.parse("8x64MiB")).isEqualTo(new ImageLayout(8, 64L << 20));
    assertThat(ImageLayout.parse("3x16KiB").totalBytes()).isEqualTo(3 * 16 * 1024);
  }

  @Test
  void rejectsOtherTextNamingIt() {
    assertThatThrownBy(() -> ImageLayout.parse("8 x 64MB"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8 x 64MB");
    assertThatThrownBy(() -> ImageLayout.parse("0x1MiB"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
