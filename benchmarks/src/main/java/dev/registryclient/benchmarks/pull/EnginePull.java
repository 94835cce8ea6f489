package dev.registryclient.benchmarks.pull;

import dev.registryclient.api.Platform;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.store.BlobStore;

/**
 * A pull the way applications do it: the fluent client and its parallel pull engine ({@code
 * client.pull(ref).into(store).execute()}), with {@code parallelism} concurrent blob downloads.
 */
final class EnginePull implements PullDriver {
  private static final Platform PLATFORM = Platform.parse("linux/amd64");

  private final String registry;
  private final RegistryClient client;
  private final boolean segmented;

  /**
   * @param registry {@code host:port} of a loopback registry (spoken to over plain http)
   */
  EnginePull(String registry, int parallelism) {
    this(registry, parallelism, true);
  }

  /**
   * @param segmented whether large blobs may come as byte ranges at once (the default)
   */
  EnginePull(String registry, int parallelism, boolean segmented) {
    this.registry = registry;
    this.client = RegistryClient.builder().parallelism(parallelism).build();
    this.segmented = segmented;
  }

  @Override
  public long pull(String repository, String tag, BlobStore store) {
    PullResult result =
        client
            .pull(registry + "/" + repository + ":" + tag)
            .platform(PLATFORM)
            .into(store)
            .segmentedDownloads(segmented)
            .execute();
    return result.bytesDownloaded();
  }

  @Override
  public void close() {
    client.close();
  }
}
