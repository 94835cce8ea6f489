package dev.registryclient.benchmarks.pull;

import dev.registryclient.api.store.BlobStore;

/** One way of pulling an image's blobs into a store, so the benchmark can compare several. */
interface PullDriver extends AutoCloseable {

  /**
   * Pulls {@code repository:tag} (manifest, config and layers) into {@code store}.
   *
   * @return the number of blob bytes stored
   */
  long pull(String repository, String tag, BlobStore store);

  @Override
  void close();
}
