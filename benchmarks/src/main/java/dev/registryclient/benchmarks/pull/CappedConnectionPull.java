package dev.registryclient.benchmarks.pull;

import dev.registryclient.core.store.FileBlobStore;
import dev.registryclient.testkit.Fault;
import dev.registryclient.testkit.TempDirectory;
import dev.registryclient.testkit.TestRegistry;
import java.util.Locale;

/**
 * What segmented downloads are for: a server that caps each connection's throughput, as many CDNs
 * and object stores do. The in-process test kit serves one 64 MiB layer at a fixed rate per
 * response ({@link Fault#slowBody}); the client pulls it with segments and with one stream, in
 * alternation, and prints the seconds of each pull.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar \
 *     dev.registryclient.benchmarks.pull.CappedConnectionPull [MiB per second per connection] [rounds]
 * }</pre>
 */
public final class CappedConnectionPull {
  private static final long MIB = 1024 * 1024;

  private CappedConnectionPull() {}

  public static void main(String[] args) {
    long cap = (args.length > 0 ? Long.parseLong(args[0]) : 32) * MIB;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    try (TempDirectory dir = TempDirectory.create("capped-pull-");
        TestRegistry registry =
            TestRegistry.builder()
                .blobStorage(dir.path().resolve("registry"))
                .faults(Fault.slowBody(cap).onBlobs().always())
                .start();
        EnginePull segmented = new EnginePull(registry.hostAndPort(), 4, true);
        EnginePull single = new EnginePull(registry.hostAndPort(), 4, false)) {
      registry.image("bench/capped").oci().layer(64 * MIB).push("v1");
      for (int round = 1; round <= rounds; round++) {
        for (EnginePull puller : new EnginePull[] {segmented, single}) {
          try (TempDirectory store = TempDirectory.create("capped-store-")) {
            long start = System.nanoTime();
            puller.pull(
                "bench/capped", "v1", FileBlobStore.builder(store.path()).fsync(false).build());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                Locale.ROOT,
                "round %d %s: %.2f s%n",
                round,
                puller == segmented ? "segmented (parallelism 4)" : "one stream",
                seconds);
          }
        }
      }
    }
  }
}
