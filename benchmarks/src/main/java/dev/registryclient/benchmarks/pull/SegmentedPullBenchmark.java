package dev.registryclient.benchmarks.pull;

import dev.registryclient.core.store.FileBlobStore;
import dev.registryclient.testkit.ImageBuilder;
import dev.registryclient.testkit.TempDirectory;
import dev.registryclient.testkit.TestRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pulls an image of one large layer from the in-process test kit on loopback into a {@link
 * FileBlobStore} (without fsync, so the disk's sync speed does not hide the transfer), as byte
 * ranges on several connections ({@code mode=segmented}, the default) or as one stream ({@code
 * mode=single}), in milliseconds per pull.
 *
 * <ul>
 *   <li>{@code layout}: one layer, {@code 1x64MiB} or {@code 1x512MiB};
 *   <li>{@code parallelism}: the client's; a lone blob is segmented on up to that many connections
 *       (at 1 there is none to spare, so both modes are one stream).
 * </ul>
 *
 * <p>The test kit serves from files and shares the JVM's CPUs with the client; {@code compare.sh}
 * measures against a separate {@code docker-registry}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class SegmentedPullBenchmark {
  private static final String REPOSITORY = "bench/large";
  private static final String TAG = "v1";

  @Param({"1x64MiB", "1x512MiB"})
  public String layout;

  @Param({"1", "4", "8"})
  public int parallelism;

  @Param({"segmented", "single"})
  public String mode;

  private TestRegistry registry;
  private TempDirectory directory;
  private TempDirectory stores;
  private EnginePull puller;
  private FileBlobStore target;

  @Setup(Level.Trial)
  public void startRegistry() {
    ImageLayout image = ImageLayout.parse(layout);
    directory = TempDirectory.create("bench-segments-");
    stores = TempDirectory.create("bench-segments-store-");
    registry =
        TestRegistry.builder()
            .threads(32)
            .blobStorage(directory.path().resolve("registry"))
            .start();
    ImageBuilder push = registry.image(REPOSITORY).oci();
    for (int i = 0; i < image.layers(); i++) {
      push.layer(image.layerBytes());
    }
    push.push(TAG);
    puller = new EnginePull(registry.hostAndPort(), parallelism, mode.equals("segmented"));
  }

  @Setup(Level.Invocation)
  public void openStore() {
    target = FileBlobStore.builder(stores.path()).fsync(false).build();
  }

  @TearDown(Level.Invocation)
  public void emptyStore() {
    stores.empty();
  }

  @TearDown(Level.Trial)
  public void stopRegistry() {
    puller.close();
    registry.close();
    stores.close();
    directory.close();
  }

  @Benchmark
  public long pull() {
    return puller.pull(REPOSITORY, TAG, target);
  }
}
