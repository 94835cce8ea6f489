package dev.registryclient.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.store.PositionalBlobWriter;
import dev.registryclient.api.store.PositionalWrites;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PositionalWritesTest {
  @TempDir Path dir;

  private final byte[] content = randomBytes(3 * 1024 * 1024 + 17);
  private final Digest digest = Digest.sha256(content);

  @Test
  void segmentsWrittenOnSeveralThreadsAtOnceCommitTheBlob() throws Exception {
    FileBlobStore store = FileBlobStore.builder(dir).fsync(false).build();
    int segments = 4;
    int segmentSize = content.length / segments + 1;
    ExecutorService threads = Executors.newFixedThreadPool(segments);
    try (PositionalBlobWriter writer = positional(store).writer(digest, content.length)) {
      List<Future<?>> done = new ArrayList<>();
      for (int s = segments - 1; s >= 0; s--) {
        int from = s * segmentSize;
        int to = Math.min(content.length, from + segmentSize);
        done.add(threads.submit(() -> writeInChunks(writer, from, to, 8192)));
      }
      for (Future<?> f : done) {
        f.get();
      }
      assertThat(writer.hashedBytes()).isEqualTo(content.length);
      writer.commit();
    } finally {
      threads.shutdownNow();
    }

    try (InputStream in = store.open(digest)) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(StagingFiles.in(dir)).isEmpty();
  }

  @Test
  void aGapLeftOpenFailsTheCommitAndNothingBecomesVisible() throws IOException {
    FileBlobStore store = FileBlobStore.builder(dir).fsync(false).build();
    PositionalBlobWriter writer = positional(store).writer(digest, content.length);
    writer.write(0, content, 0, 1000);
    writer.write(2000, content, 2000, content.length - 2000);

    assertThatThrownBy(writer::commit)
        .isInstanceOf(DigestMismatchException.class)
        .hasMessageContaining("1000 contiguous bytes");
    assertThat(store.exists(digest)).isFalse();
    assertThat(StagingFiles.in(dir)).isEmpty();
  }

  @Test
  void wrongBytesFailTheCommitAndNothingBecomesVisible() throws IOException {
    FileBlobStore store = FileBlobStore.builder(dir).fsync(false).build();
    byte[] altered = content.clone();
    altered[content.length - 1] ^= 1;
    try (PositionalBlobWriter writer = positional(store).writer(digest, content.length)) {
      writer.write(content.length / 2, altered, content.length / 2, content.length / 2 + 1);
      writer.write(0, altered, 0, content.length / 2);

      assertThatThrownBy(writer::commit)
          .isInstanceOf(DigestMismatchException.class)
          .hasMessageContaining(digest.toString());
    }
    assertThat(store.exists(digest)).isFalse();
    assertThat(StagingFiles.in(dir)).isEmpty();
  }

  @Test
  void anOverlappingWriteAbortsTheWriter() throws IOException {
    FileBlobStore store = FileBlobStore.builder(dir).fsync(false).build();
    PositionalBlobWriter writer = positional(store).writer(digest, content.length);
    writer.write(100, content, 100, 100);

    assertThatThrownBy(() -> writer.write(150, content, 150, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overlap");
    assertThatThrownBy(() -> writer.write(0, content, 0, 100))
        .isInstanceOf(IllegalStateException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThat(StagingFiles.in(dir)).isEmpty();
  }

  @Test
  void bytesBeyondTheExpectedSizeAreRefusedBeforeTheyAreStored() throws IOException {
    FileBlobStore store = FileBlobStore.builder(dir).fsync(false).build();
    PositionalBlobWriter writer = positional(store).writer(digest, content.length);

    assertThatThrownBy(() -> writer.write(content.length - 10, new byte[20], 0, 20))
        .isInstanceOf(DigestMismatchException.class);
    assertThat(StagingFiles.in(dir)).isEmpty();
  }

  @Test
  void closingWithoutCommitDiscardsTheStagedBytes() throws IOException {
    FileBlobStore store = FileBlobStore.builder(dir).fsync(false).build();
    try (PositionalBlobWriter writer = positional(store).writer(digest, content.length)) {
      writer.write(0, content, 0, content.length);
      assertThat(StagingFiles.in(dir)).hasSize(1);
    }
    assertThat(store.exists(digest)).isFalse();
    assertThat(StagingFiles.in(dir)).isEmpty();
  }

  @Test
  void anObserverFailureAbortsTheWriterAndSurfacesFromTheWrite() throws IOException {
    FileBlobStore store = FileBlobStore.builder(dir).fsync(false).build();
    PositionalBlobWriter writer =
        positional(store)
            .writer(
                digest,
                content.length,
                chunk -> {
                  throw new IllegalStateException("not a gzip stream");
                });

    writer.write(10, content, 10, 10); // beyond a gap: not observed yet
    assertThatThrownBy(() -> writer.write(0, content, 0, 10))
        .hasMessageContaining("not a gzip stream");
    assertThatThrownBy(writer::commit).isInstanceOf(IllegalStateException.class);
    assertThat(StagingFiles.in(dir)).isEmpty();
  }

  /** Writes {@code [from, to)} of the content front to back, each chunk from a fresh array. */
  private void writeInChunks(PositionalBlobWriter writer, int from, int to, int chunk) {
    for (int at = from; at < to; at += chunk) {
      int n = Math.min(chunk, to - at);
      writer.write(at, Arrays.copyOfRange(content, at, at + n), 0, n);
    }
  }

  private static PositionalWrites positional(FileBlobStore store) {
    return store.capability(PositionalWrites.class).orElseThrow();
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new Random(42).nextBytes(bytes);
    return bytes;
  }
}
