package dev.registryclient.oci.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Hostile layer bytes: whatever arrives, in whatever chunks, the check ends with a digest or a
 * {@link CorruptLayerException}, never another exception, and never runs away (the timeout is a
 * hang guard far above the milliseconds one try takes, not a timing assertion).
 */
class UncompressedDigestProperties {
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);
  private static final byte[] CONTENT = LayerBytes.content(50_000, 11);

  @Property(tries = 300)
  void randomBytesAreADigestOrCorrupt(
      @ForAll @Size(max = 4096) byte[] blob,
      @ForAll LayerCompression compression,
      @ForAll @IntRange(min = 1, max = 5000) int chunk) {
    assertTimeoutPreemptively(HANG_GUARD, () -> endsCleanly(compression, blob, chunk));
  }

  @Property(tries = 200)
  void truncatedOrFlippedStreamsAreADigestOrCorrupt(
      @ForAll("compressed") LayerCompression compression,
      @ForAll @IntRange(min = 0, max = 100) int keepPercent,
      @ForAll @IntRange(min = -1, max = 20_000) int flipAt,
      @ForAll @IntRange(min = 1, max = 5000) int chunk) {
    byte[] whole =
        compression == LayerCompression.GZIP
            ? LayerBytes.gzipTwoMembers(CONTENT)
            : LayerBytes.zstd(CONTENT);
    byte[] blob = Arrays.copyOf(whole, whole.length * keepPercent / 100);
    if (flipAt >= 0 && flipAt < blob.length) {
      blob[flipAt] ^= 0x5A;
    }
    assertTimeoutPreemptively(HANG_GUARD, () -> endsCleanly(compression, blob, chunk));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<LayerCompression> compressed() {
    return net.jqwik.api.Arbitraries.of(LayerCompression.GZIP, LayerCompression.ZSTD);
  }

  private static void endsCleanly(LayerCompression compression, byte[] blob, int chunk) {
    try {
      assertThat(UncompressedDigestTest.digest(compression, blob, chunk)).isNotNull();
    } catch (CorruptLayerException e) {
      assertThat(e).hasMessageNotContaining("null");
    }
  }
}
