package dev.registryclient.examples.store;

import dev.registryclient.api.store.BlobStore;
import dev.registryclient.core.store.FileBlobStore;
import dev.registryclient.testkit.store.BlobStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** With a budget larger than any test writes, the capped store must behave like any store. */
class SizeCappedBlobStoreContractTest extends BlobStoreContract {
  @TempDir Path dir;

  @Override
  protected BlobStore newStore() {
    return new SizeCappedBlobStore(FileBlobStore.builder(dir).fsync(false).build(), 1L << 30);
  }

  @Override
  protected BlobStore reopen(BlobStore store) {
    return new SizeCappedBlobStore(FileBlobStore.open(dir), 1L << 30);
  }
}
