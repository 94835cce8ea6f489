package dev.registryclient.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.distribution.DistributionRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 256 MiB layer is pulled by a JVM with a 64 MiB heap: the pull streams. */
class LargeLayerIT {
  private static final long LAYER_SIZE = 256L << 20;
  private static final long SEED = 0x1a4e;
  private static final long MAX_HEAP = 64L << 20;

  @Test
  void aLayerFourTimesTheHeapIsPulledIntoAnOciLayout(@TempDir Path tmp) throws Exception {
    try (DistributionRegistry registry = DistributionRegistry.builder().start()) {
      Digest layer = LargeImage.push(registry, "it/big", "v1", LAYER_SIZE, SEED);

      Path out = tmp.resolve("layout");
      Path log = tmp.resolve("child.log");
      int exit = pullInChildJvm(registry.hostAndPort() + "/it/big:v1", out, log);
      String output = Files.readString(log);
      assertThat(exit).as("child JVM output:\n%s", output).isZero();
      long maxMemory =
          Long.parseLong(
              output
                  .lines()
                  .filter(l -> l.startsWith("maxMemory="))
                  .findFirst()
                  .orElseThrow()
                  .substring("maxMemory=".length()));
      assertThat(maxMemory).isLessThanOrEqualTo(MAX_HEAP);

      Path blob = out.resolve("blobs/sha256/" + layer.hex());
      assertThat(Files.size(blob)).isEqualTo(LAYER_SIZE);
      assertThat(LargeImage.digestOf(blob)).isEqualTo(layer);
    }
  }

  private int pullInChildJvm(String image, Path out, Path log) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx64m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    LargeLayerPull.class.getName(),
                    image,
                    out.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!child.waitFor(120, TimeUnit.SECONDS)) {
        throw new AssertionError("the pull did not finish within 120 s");
      }
      return child.exitValue();
    } finally {
      child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
