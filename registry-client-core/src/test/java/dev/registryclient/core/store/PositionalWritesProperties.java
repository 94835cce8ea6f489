package dev.registryclient.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.store.PositionalBlobWriter;
import dev.registryclient.api.store.PositionalWrites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A positional writer fed disjoint pieces in any order hashes exactly the contiguous prefix written
 * so far, hands those bytes to its in-order observer once and in order, and commits the right blob.
 */
class PositionalWritesProperties {

  @Property(tries = 80)
  void theHashedPrefixIsTheContiguousWrittenPrefixWhateverTheOrder(
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 400_000) Integer> lengths,
      @ForAll long seed)
      throws IOException {
    Path dir = Files.createTempDirectory("positional");
    try {
      byte[] content = new byte[lengths.stream().mapToInt(Integer::intValue).sum()];
      new Random(seed).nextBytes(content);
      Digest digest = Digest.sha256(content);
      List<int[]> pieces = cut(lengths);
      Collections.shuffle(pieces, new Random(~seed));
      boolean[] written = new boolean[content.length];
      ByteArrayOutputStream observed = new ByteArrayOutputStream();
      FileBlobStore store = FileBlobStore.builder(dir).fsync(false).build();

      try (PositionalBlobWriter writer =
          store
              .capability(PositionalWrites.class)
              .orElseThrow()
              .writer(
                  digest,
                  content.length,
                  chunk -> {
                    byte[] copy = new byte[chunk.remaining()];
                    chunk.get(copy);
                    observed.writeBytes(copy);
                  })) {
        for (int[] piece : pieces) {
          writer.write(piece[0], content, piece[0], piece[1] - piece[0]);
          Arrays.fill(written, piece[0], piece[1], true);
          int prefix = prefix(written);
          assertThat(writer.hashedBytes()).isEqualTo(prefix);
          assertThat(observed.toByteArray()).isEqualTo(Arrays.copyOf(content, prefix));
          assertThat(store.exists(digest)).isFalse();
        }
        writer.commit();
      }

      try (InputStream in = store.open(digest)) {
        assertThat(in.readAllBytes()).isEqualTo(content);
      }
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static int prefix(boolean[] written) {
    int n = 0;
    while (n < written.length && written[n]) {
      n++;
    }
    return n;
  }

  private static List<int[]> cut(List<Integer> lengths) {
    List<int[]> pieces = new ArrayList<>();
    int at = 0;
    for (int length : lengths) {
      pieces.add(new int[] {at, at + length});
      at += length;
    }
    return pieces;
  }
}
