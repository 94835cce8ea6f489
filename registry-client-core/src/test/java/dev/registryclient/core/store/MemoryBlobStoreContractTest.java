package dev.registryclient.core.store;

import dev.registryclient.api.store.BlobStore;
import dev.registryclient.testkit.store.BlobStoreContract;

class MemoryBlobStoreContractTest extends BlobStoreContract {
  @Override
  protected BlobStore newStore() {
    return new MemoryBlobStore();
  }
}
