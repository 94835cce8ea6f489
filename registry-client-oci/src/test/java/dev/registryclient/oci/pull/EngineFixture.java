package dev.registryclient.oci.pull;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.PullResult;
import dev.registryclient.api.client.PullTarget;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.core.store.MemoryBlobStore;
import dev.registryclient.oci.manifest.ManifestCodec;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

/** An engine over a {@link FakeSource}, with worker threads stopped after each test. */
abstract class EngineFixture {
  final FakeSource source = new FakeSource();
  final FakeImages images = new FakeImages(source);
  final ExecutorService workers = Executors.newCachedThreadPool();
  final InFlightBlobs inFlight = new InFlightBlobs();
  final PullEngine engine = new PullEngine(workers, inFlight, ManifestCodec.defaults());

  @AfterEach
  void stopWorkers() throws InterruptedException {
    workers.shutdownNow();
    workers.awaitTermination(10, TimeUnit.SECONDS);
  }

  PullResult pull(String tag, PullOptions options) {
    return engine.pull(
        ImageReference.parse("registry.example/ns/app:" + tag),
        source,
        options,
        new TransferScope(FakeSource.context(dev.registryclient.api.exception.Phase.BLOB)));
  }

  PullResult pull(String tag, BlobStore store) {
    return pull(tag, PullOptions.into(PullTarget.of(store)));
  }

  static MemoryBlobStore memoryStore() {
    return new MemoryBlobStore();
  }
}
