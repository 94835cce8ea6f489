package dev.registryclient.examples.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.core.store.MemoryBlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SizeCappedBlobStoreEvictionTest {
  private final MemoryBlobStore backing = new MemoryBlobStore();

  @Test
  void committingBeyondTheBudgetEvictsTheLeastRecentlyUsedBlob() throws IOException {
    SizeCappedBlobStore store = new SizeCappedBlobStore(backing, 300);
    Digest a = put(store, 100, 'a');
    Digest b = put(store, 100, 'b');
    Digest c = put(store, 100, 'c');
    try (InputStream in = store.open(a)) { // a is now more recently used than b
      in.readAllBytes();
    }

    Digest d = put(store, 100, 'd');

    assertThat(backing.exists(b)).isFalse();
    assertThat(backing.exists(a)).isTrue();
    assertThat(backing.exists(c)).isTrue();
    assertThat(backing.exists(d)).isTrue();
    assertThat(store.totalBytes()).isEqualTo(300);
  }

  @Test
  void closingTheCapClosesTheStoreItWraps() {
    boolean[] closed = {false};
    BlobStore closeable =
        new BlobStore() {
          @Override
          public boolean exists(Digest digest) {
            return false;
          }

          @Override
          public OptionalLong size(Digest digest) {
            return OptionalLong.empty();
          }

          @Override
          public InputStream open(Digest digest) {
            throw new UnsupportedOperationException();
          }

          @Override
          public BlobWriter writer(Digest expected, long expectedSize) {
            throw new UnsupportedOperationException();
          }

          @Override
          public boolean delete(Digest digest) {
            return false;
          }

          @Override
          public Stream<Digest> list() {
            return Stream.empty();
          }

          @Override
          public void close() {
            closed[0] = true;
          }
        };

    new SizeCappedBlobStore(closeable, 100).close();

    assertThat(closed[0]).isTrue();
  }

  @Test
  void aBlobLargerThanTheBudgetIsKeptAndEvictsTheRest() {
    SizeCappedBlobStore store = new SizeCappedBlobStore(backing, 150);
    Digest small = put(store, 100, 's');
    Digest huge = put(store, 200, 'h');

    assertThat(backing.exists(huge)).isTrue();
    assertThat(backing.exists(small)).isFalse();
  }

  @Test
  void wrappingAStoreThatIsAlreadyTooFullTrimsItAtOnce() {
    put(backing, 100, 'x');
    put(backing, 100, 'y');
    SizeCappedBlobStore store = new SizeCappedBlobStore(backing, 100);
    assertThat(store.totalBytes()).isEqualTo(100);
    try (var all = backing.list()) {
      assertThat(all).hasSize(1);
    }
  }

  @Test
  void deletingFreesBudget() {
    SizeCappedBlobStore store = new SizeCappedBlobStore(backing, 200);
    Digest a = put(store, 100, 'a');
    store.delete(a);
    assertThat(store.totalBytes()).isZero();
  }

  private static Digest put(BlobStore store, int size, char fill) {
    byte[] content = String.valueOf(fill).repeat(size).getBytes(StandardCharsets.US_ASCII);
    Digest digest = Digest.sha256(content);
    try (BlobWriter writer = store.writer(digest, content.length)) {
      writer.write(content);
      writer.commit();
    }
    return digest;
  }
}
