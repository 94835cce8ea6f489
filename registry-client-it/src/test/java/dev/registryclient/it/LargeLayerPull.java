package dev.registryclient.it;

import dev.registryclient.oci.layout.OciLayout;
import java.net.URI;
import java.nio.file.Path;

/**
 * Pulls one image into an OCI layout; run by {@link LargeLayerIT} in a child JVM with a small heap,
 * so a pull that buffered a layer in memory would die with OutOfMemoryError.
 *
 * <p>Arguments: registry URL, repository, tag, layout directory.
 */
public final class LargeLayerPull {
  private LargeLayerPull() {}

  public static void main(String[] args) {
    System.out.println("maxMemory=" + Runtime.getRuntime().maxMemory());
    try (SdkSteps sdk = SdkSteps.anonymous(URI.create(args[0]))) {
      sdk.pullInto(args[1], args[2], OciLayout.at(Path.of(args[3])));
    }
    System.out.println("pulled");
  }
}
