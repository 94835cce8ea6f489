package dev.registryclient.benchmarks.pull;

import dev.registryclient.api.store.BlobStore;
import dev.registryclient.benchmarks.store.DiscardingBlobStore;
import dev.registryclient.core.store.FileBlobStore;
import dev.registryclient.testkit.ImageBuilder;
import dev.registryclient.testkit.TempDirectory;
import dev.registryclient.testkit.TestRegistry;
import java.time.Duration;
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
 * Pulls a whole image from the in-process test kit on loopback, in milliseconds per pull (the
 * report script turns that into MB/s with the {@code layout}'s size).
 *
 * <ul>
 *   <li>{@code layout}: {@code 64x1MiB} (many small layers: per-request cost) or {@code 8x64MiB}
 *       (few big ones: bytes);
 *   <li>{@code parallelism}: concurrent blob downloads;
 *   <li>{@code cdn}: whether blob GETs answer 302 to a CDN origin on 127.0.0.2 with a signed URL;
 *   <li>{@code store}: {@code file} ({@link FileBlobStore}, default settings, emptied after every
 *       pull) or {@code discard} ({@link DiscardingBlobStore}: hashing without the disk);
 *   <li>{@code driver}: {@code engine} (the fluent client's pull engine, the default) or {@code
 *       transport} ({@link TransportPull}: manifest fetch plus a thread pool of plain blob GETs,
 *       the floor to measure the engine's own overhead against; ask for it with {@code -p
 *       driver=engine,transport}).
 * </ul>
 *
 * <p>The test kit runs in the benchmark's JVM and shares its CPUs, so these numbers understate what
 * the client alone could do; {@code compare.sh} measures against a real registry process.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class ParallelPullBenchmark {
  private static final String REPOSITORY = "bench/image";
  private static final String TAG = "v1";

  @Param({"64x1MiB", "8x64MiB"})
  public String layout;

  @Param({"1", "2", "4", "8"})
  public int parallelism;

  @Param({"false", "true"})
  public boolean cdn;

  @Param({"discard", "file"})
  public String store;

  @Param({"engine"})
  public String driver;

  private TestRegistry registry;
  private TempDirectory directory;
  private PullDriver puller;
  private BlobStore target;

  @Setup(Level.Trial)
  public void startRegistry() {
    ImageLayout image = ImageLayout.parse(layout);
    TestRegistry.Builder builder = TestRegistry.builder().threads(32);
    if (cdn) {
      builder.cdnRedirects(Duration.ofHours(1));
    }
    registry = builder.start();
    ImageBuilder push = registry.image(REPOSITORY).oci();
    for (int i = 0; i < image.layers(); i++) {
      push.layer(image.layerBytes());
    }
    push.push(TAG);
    directory = TempDirectory.create("bench-pull-");
    puller =
        switch (driver) {
          case "engine" -> new EnginePull(registry.hostAndPort(), parallelism);
          case "transport" -> new TransportPull(registry.url(), parallelism);
          default -> throw new IllegalArgumentException("unknown driver: " + driver);
        };
  }

  @Setup(Level.Invocation)
  public void openStore() {
    target =
        switch (store) {
          case "discard" -> new DiscardingBlobStore();
          case "file" -> FileBlobStore.open(directory.path().resolve("store"));
          default -> throw new IllegalArgumentException("unknown store: " + store);
        };
  }

  @TearDown(Level.Invocation)
  public void emptyStore() {
    directory.empty();
  }

  @TearDown(Level.Trial)
  public void stopRegistry() {
    puller.close();
    registry.close();
    directory.close();
  }

  @Benchmark
  public long pull() {
    return puller.pull(REPOSITORY, TAG, target);
  }
}
