package dev.registryclient.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.api.store.PositionalBlobWriter;
import dev.registryclient.api.store.PositionalWrites;
import dev.registryclient.core.store.internal.EarlyWriteback;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A syncing store flushes large blobs early on background threads ({@link EarlyWriteback}); those
 * flushes run while the blob is still written, committed or discarded, and must never change what
 * becomes visible.
 */
class FileBlobStoreWritebackTest {
  private static final int CHUNK = 1024 * 1024;

  @TempDir Path dir;

  private final byte[] content = randomBytes((int) (2 * EarlyWriteback.STEP + 12_345));
  private final Digest digest = Digest.sha256(content);

  private FileBlobStore store;

  @BeforeEach
  void openStore() {
    store = FileBlobStore.builder(dir).build(); // fsync on: the default
  }

  @Test
  void aBlobSpanningSeveralStepsIsCommittedIntact() throws IOException {
    try (BlobWriter writer = store.writer(digest, content.length)) {
      for (int at = 0; at < content.length; at += CHUNK) {
        writer.write(content, at, Math.min(CHUNK, content.length - at));
      }
      writer.commit();
    }

    assertStored();
  }

  @Test
  void aPositionalBlobWrittenBackToFrontIsCommittedIntact() throws IOException {
    PositionalWrites positional = store.capability(PositionalWrites.class).orElseThrow();
    try (PositionalBlobWriter writer = positional.writer(digest, content.length)) {
      int last = (content.length - 1) / CHUNK * CHUNK;
      for (int at = last; at >= 0; at -= CHUNK) {
        writer.write(at, content, at, Math.min(CHUNK, content.length - at));
      }
      writer.commit();
    }

    assertStored();
  }

  @Test
  void aBlobAbandonedWhileFlushesRunLeavesNothingBehind() throws IOException {
    for (int round = 0; round < 3; round++) {
      try (BlobWriter writer = store.writer(digest, content.length)) {
        // past one step, so a flush is started, then closed without a commit at once
        for (int at = 0; at <= EarlyWriteback.STEP; at += CHUNK) {
          writer.write(content, at, CHUNK);
        }
      }
    }

    assertThat(store.exists(digest)).isFalse();
    assertThat(StagingFiles.in(dir)).isEmpty();
  }

  private void assertStored() throws IOException {
    try (InputStream in = store.open(digest)) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    assertThat(StagingFiles.in(dir)).isEmpty();
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new Random(7).nextBytes(bytes);
    return bytes;
  }
}
