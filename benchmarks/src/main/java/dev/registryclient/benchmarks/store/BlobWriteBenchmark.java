package dev.registryclient.benchmarks.store;

import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.benchmarks.Payload;
import dev.registryclient.core.store.FileBlobStore;
import dev.registryclient.testkit.TempDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The copy loop from a stream into a store writer ({@link BlobWriter#transferFrom}, 64 KiB chunks,
 * hash on the way, verify on commit), in MiB/s: one invocation writes a 16 MiB blob, counted as 16
 * operations.
 *
 * <ul>
 *   <li>{@code discard}: {@link DiscardingBlobStore}, so hashing and copying only;
 *   <li>{@code file}: {@link FileBlobStore} without fsync (staging file, hard link into place);
 *   <li>{@code file-fsync}: the same with fsync of file and directory, the default setting.
 * </ul>
 *
 * The blob is deleted after every invocation so each write really stores it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class BlobWriteBenchmark {
  static final int BLOB_MIB = 16;

  @Param({"discard", "file", "file-fsync"})
  public String store;

  private Payload payload;
  private TempDirectory directory;
  private BlobStore blobStore;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    payload = Payload.random(BLOB_MIB * Payload.MIB);
    directory = TempDirectory.create("bench-store-");
    Path root = directory.path().resolve("store");
    blobStore =
        switch (store) {
          case "discard" -> new DiscardingBlobStore();
          case "file" -> FileBlobStore.builder(root).fsync(false).build();
          case "file-fsync" -> FileBlobStore.builder(root).fsync(true).build();
          default -> throw new IllegalArgumentException("unknown store: " + store);
        };
  }

  @TearDown(Level.Invocation)
  public void deleteBlob() {
    blobStore.delete(payload.digest());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    directory.close();
  }

  @Benchmark
  @OperationsPerInvocation(BLOB_MIB)
  public long transferFrom() throws IOException {
    try (BlobWriter writer = blobStore.writer(payload.digest(), payload.size())) {
      long n = writer.transferFrom(new ByteArrayInputStream(payload.bytes()));
      writer.commit();
      return n;
    }
  }
}
