package dev.registryclient.benchmarks.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registryclient.benchmarks.store.DiscardingBlobStore;
import dev.registryclient.core.store.FileBlobStore;
import dev.registryclient.testkit.PushedBlob;
import dev.registryclient.testkit.PushedImage;
import dev.registryclient.testkit.TestRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pull benchmark's drivers really pull the whole image, so its timings mean something. */
class PullDriversTest {
  private static TestRegistry registry;
  private static PushedImage image;

  @BeforeAll
  static void pushImage() {
    registry = TestRegistry.builder().cdnRedirects(Duration.ofMinutes(5)).start();
    image = registry.image("bench/image").oci().layer(200_000).layer(300_000).push("v1");
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"engine", "transport"})
  void pullStoresEveryLayerInTheFileStore(String driver, @TempDir Path dir) {
    FileBlobStore store = FileBlobStore.builder(dir).fsync(false).build();
    try (PullDriver puller = driver(driver)) {
      puller.pull("bench/image", "v1", store);
    }
    assertThat(image.layers()).map(PushedBlob::digest).allMatch(store::exists);
    assertThat(store.exists(image.config().digest())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"engine", "transport"})
  void pullIntoTheDiscardingStoreDownloadsEveryLayerByte(String driver) {
    try (PullDriver puller = driver(driver)) {
      long bytes = puller.pull("bench/image", "v1", new DiscardingBlobStore());
      assertThat(bytes).isGreaterThanOrEqualTo(500_000);
    }
  }

  private static PullDriver driver(String name) {
    return name.equals("engine")
        ? new EnginePull(registry.hostAndPort(), 2)
        : new TransportPull(registry.url(), 2);
  }
}
