package dev.registryclient.oci.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.core.store.FileBlobStore;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 256 MiB layer pulled by a child JVM limited to a 64 MiB heap: the pull streams network to store
 * through a fixed buffer, so it fits. An integration test (failsafe, {@code verify}) because it
 * moves half a gigabyte through disk.
 */
class LargeLayerSmallHeapIT {
  private static final long LAYER = 256L << 20;

  @TempDir Path dir;

  @Test
  void aLayerFourTimesTheHeapIsPulledIntoTheStore() throws Exception {
    try (TestRegistry registry =
        TestRegistry.builder().blobStorage(dir.resolve("registry")).start()) {
      PushedImage image = registry.image("big/app").layer(LAYER).push("1.0");
      Path store = dir.resolve("store");

      Process child = start(SmallHeapPull.class, image.reference(), store.toString());
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

      assertThat(child.exitValue()).as(output).isZero();
      assertThat(output).contains("pulled ");
      PushedBlob layer = image.layers().get(0);
      assertThat(FileBlobStore.open(store).size(layer.digest())).hasValue(LAYER);
    }
  }

  private static Process start(Class<?> main, String... args) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command =
        new java.util.ArrayList<>(
            List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }
}
