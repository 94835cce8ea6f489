package dev.registryclient.benchmarks.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.BlobNotFoundInStoreException;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.store.BlobWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DiscardingBlobStoreTest {
  private final DiscardingBlobStore store = new DiscardingBlobStore();

  @Test
  void smallBlobsAreKeptAndReadable() throws IOException {
    byte[] config = "{\"os\":\"linux\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    write(config);

    assertThat(store.exists(Digest.sha256(config))).isTrue();
    try (InputStream in = store.open(Digest.sha256(config))) {
      assertThat(in.readAllBytes()).isEqualTo(config);
    }
  }

  @Test
  void bigBlobsAreVerifiedButNotKept() throws IOException {
    byte[] layer = new byte[DiscardingBlobStore.KEPT_SIZE + 1];
    Arrays.fill(layer, (byte) 7);
    write(layer);

    assertThat(store.exists(Digest.sha256(layer))).isFalse();
    assertThatThrownBy(() -> store.open(Digest.sha256(layer)))
        .isInstanceOf(BlobNotFoundInStoreException.class);
  }

  @Test
  void wrongContentFailsOnCommit() throws IOException {
    byte[] content = new byte[100];
    try (BlobWriter writer = store.writer(Digest.sha256(new byte[] {1}), content.length)) {
      writer.transferFrom(new ByteArrayInputStream(content));
      assertThatThrownBy(writer::commit).isInstanceOf(DigestMismatchException.class);
    }
  }

  @Test
  void moreBytesThanExpectedFailOnWrite() {
    try (BlobWriter writer = store.writer(Digest.sha256(new byte[2]), 2)) {
      assertThatThrownBy(() -> writer.write(new byte[3]))
          .isInstanceOf(DigestMismatchException.class)
          .hasMessageContaining("more than 2 bytes");
    }
  }

  private void write(byte[] content) throws IOException {
    try (BlobWriter writer = store.writer(Digest.sha256(content), content.length)) {
      writer.transferFrom(new ByteArrayInputStream(content));
      writer.commit();
    }
  }
}
