package dev.registryclient.examples;

import dev.registryclient.api.Platform;
import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PullListener;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.RegistryClient;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The README's Java quick start, compiled with the build: start an in-process registry, push an
 * image to it, list its tags, and pull it into an OCI image layout with progress.
 *
 * <p>Run it with {@code java dev.registryclient.examples.QuickStart [output-directory]}. Against a
 * real registry, drop the {@link TestRegistry} and use a reference such as {@code
 * ghcr.io/org/app:1.0} with {@code .defaultCredentials()}.
 */
public final class QuickStart {
  private QuickStart() {}

  /**
   * Pushes a two-layer image to a test registry and pulls it into {@code args[0]} (or a temp dir).
   */
  public static void main(String[] args) throws Exception {
    Path out = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("quick-start");
    run(out, System.out);
  }

  /** The quick start proper; returns what the pull reported. */
  static PullResult run(Path out, PrintStream console) {
    try (TestRegistry registry = TestRegistry.builder().start()) {
      PushedImage pushed =
          registry.image("demo/app").oci().layer(1 << 20).layer(256 << 10).push("1.0");

      // --- quick start ---
      AtomicLong received = new AtomicLong();
      PullListener progress =
          event -> {
            if (event instanceof PullEvent.BlobProgress p) {
              received.addAndGet(p.delta());
            }
          };
      try (RegistryClient client = RegistryClient.builder().parallelism(4).build()) {
        try (Stream<String> tags = client.tags(registry.hostAndPort() + "/demo/app")) {
          console.println("tags: " + tags.toList());
        }
        PullResult result =
            client
                .pull(pushed.reference()) // e.g. "127.0.0.1:41234/demo/app:1.0"
                .platform(Platform.parse("linux/amd64"))
                .into(OciLayout.at(out)) // or any BlobStore
                .onProgress(progress)
                .execute();
        console.println(
            "pulled "
                + result.manifest().digest()
                + " ("
                + result.bytesDownloaded()
                + " bytes, "
                + received.get()
                + " reported) into "
                + out);
        return result;
      }
      // --- end ---
    }
  }
}
