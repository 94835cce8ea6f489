package dev.registryclient.benchmarks.push;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.client.CopyResult;
import dev.registryclient.api.client.PushSource;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.api.client.RegistrySettings;
import dev.registryclient.benchmarks.pull.ImageLayout;
import dev.registryclient.core.store.MemoryBlobStore;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TempDirectory;
import dev.registryclient.testkit.TestRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Pushes a whole image from memory to the in-process test kit on loopback, in milliseconds per push
 * (the report turns that into MB/s with the {@code layout}'s size). Every push goes to a new
 * repository with a new client, so every blob is really uploaded (no skip, no mount).
 *
 * <ul>
 *   <li>{@code layout}: {@code 64x1MiB} (per-request cost) or {@code 4x16MiB} (bytes);
 *   <li>{@code parallelism}: blobs sent at once;
 *   <li>{@code chunk}: bytes per {@code PATCH} ({@code RegistrySettings.withUploadChunkSize}).
 * </ul>
 *
 * <p>The registry stores on disk and runs in the benchmark's JVM, sharing its CPUs; {@code
 * compare.sh} measures copies against a real registry process.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class PushBenchmark {
  @Param({"64x1MiB", "4x16MiB"})
  public String layout;

  @Param({"1", "4"})
  public int parallelism;

  @Param({"1048576", "8388608"})
  public int chunk;

  private TempDirectory directory;
  private TestRegistry source;
  private TestRegistry target;
  private PushSource image;
  private final AtomicInteger pushes = new AtomicInteger();

  @Setup(Level.Trial)
  public void prepare() {
    ImageLayout shape = ImageLayout.parse(layout);
    directory = TempDirectory.create("bench-push-");
    // the image is made by the kit, then read into memory: the push's source costs nothing
    source = TestRegistry.builder().start();
    var builder = source.image("bench/source").oci();
    for (int i = 0; i < shape.layers(); i++) {
      builder.layer(shape.layerBytes());
    }
    PushedImage pushed = builder.push("v1");
    MemoryBlobStore store = new MemoryBlobStore();
    try (RegistryClient client = RegistryClient.builder().build()) {
      client.pull(pushed.reference()).into(store).execute();
    }
    image =
        PushSource.of(
            store,
            Descriptor.of(
                MediaType.parse(pushed.mediaType()), pushed.digest(), pushed.manifest().length));
    target = TestRegistry.builder().threads(32).blobStorage(directory.path()).start();
  }

  @TearDown(Level.Trial)
  public void stop() {
    target.close();
    source.close();
    directory.close();
  }

  @Benchmark
  public long push() {
    ImageReference to =
        ImageReference.parse(
            target.hostAndPort() + "/bench/push" + pushes.incrementAndGet() + ":v1");
    try (RegistryClient client =
        RegistryClient.builder()
            .parallelism(parallelism)
            .registry(target.hostAndPort(), RegistrySettings.defaults().withUploadChunkSize(chunk))
            .build()) {
      CopyResult result = client.push(image, to).allPlatforms().execute();
      if (result.uploaded() != result.blobs().size()) {
        throw new IllegalStateException("expected every blob uploaded: " + result);
      }
      return result.bytesUploaded();
    }
  }
}
