package dev.registryclient.it;

import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.oci.layout.OciLayout;
import java.nio.file.Path;

/**
 * Pulls one image into an OCI layout; run by {@link LargeLayerIT} in a child JVM with a small heap,
 * so a pull that buffered a layer in memory would die with OutOfMemoryError.
 *
 * <p>Arguments: image reference, layout directory.
 */
public final class LargeLayerPull {
  private LargeLayerPull() {}

  public static void main(String[] args) {
    System.out.println("maxMemory=" + Runtime.getRuntime().maxMemory());
    try (RegistryClient client = RegistryClient.builder().build()) {
      client.pull(args[0]).into(OciLayout.at(Path.of(args[1]))).execute();
    }
    System.out.println("pulled");
  }
}
