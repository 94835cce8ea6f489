package dev.registryclient.core.store;

import dev.registryclient.api.store.BlobStore;
import dev.registryclient.testkit.store.BlobStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreContractTest extends BlobStoreContract {
  @TempDir Path dir;

  @Override
  protected BlobStore newStore() {
    return FileBlobStore.open(dir);
  }

  @Override
  protected BlobStore reopen(BlobStore store) {
    return FileBlobStore.open(dir);
  }
}
