package dev.registryclient.oci.client;

import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.core.store.FileBlobStore;
import java.nio.file.Path;

/**
 * Run in a child JVM with a small heap by {@link LargeLayerSmallHeapIT}: pulls {@code args[0]} into
 * the store at {@code args[1]} and prints {@code pulled <bytes>}.
 */
public final class SmallHeapPull {
  private SmallHeapPull() {}

  /** Pulls and reports; any failure ends the JVM with a stack trace and a non-zero status. */
  public static void main(String[] args) {
    try (RegistryClient client = RegistryClient.builder().build()) {
      PullResult result = client.pull(args[0]).into(FileBlobStore.open(Path.of(args[1]))).execute();
      System.out.println("pulled " + result.bytesDownloaded());
    }
  }
}
