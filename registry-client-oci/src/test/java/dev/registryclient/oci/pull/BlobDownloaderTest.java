package dev.registryclient.oci.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registryclient.api.Digest;
import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.core.store.MemoryBlobStore;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BlobDownloaderTest {
  private final FakeSource source = new FakeSource();
  private final MemoryBlobStore store = new MemoryBlobStore();
  private final List<PullEvent> events = new CopyOnWriteArrayList<>();
  private final BlobDownloader downloader =
      new BlobDownloader(
          source, store, new PullEvents(events::add), 3, FakeSource.context(Phase.BLOB));
  private final PullScope scope = new PullScope(FakeSource.context(Phase.BLOB));

  @Test
  void aBlobIsStoredAndItsServingHostReported() {
    source.blobHost = "cdn.example";
    Digest d = source.putBlob(new byte[150_000]);

    PulledBlob blob = downloader.download(new BlobTask(d, 150_000), scope);

    assertThat(store.exists(d)).isTrue();
    assertThat(blob.host()).contains("cdn.example");
    assertThat(blob.retries()).isZero();
    assertThat(events).contains(new PullEvent.Redirected(d, "cdn.example"));
    assertThat(events.get(events.size() - 1))
        .isEqualTo(new PullEvent.BlobDone(d, 150_000, "cdn.example"));
  }

  @Test
  void wrongBytesAreRejectedNamingTheHostAndNothingIsStored() {
    source.blobHost = "cdn.example";
    Digest d = source.putBlob(new byte[1000]);
    source.faults.put(d, b -> new ByteArrayInputStream(new byte[1000 - 1]));

    assertThatThrownBy(() -> downloader.download(new BlobTask(d, 1000), scope))
        .isInstanceOf(DigestMismatchException.class)
        .satisfies(
            e -> assertThat(((DigestMismatchException) e).contactedHost()).contains("cdn.example"));
    assertThat(store.exists(d)).isFalse();
  }

  @Test
  void aCutTransferIsStartedAgainAndCountedAsARetry() {
    byte[] content = new byte[200_000];
    new java.util.Random(1).nextBytes(content);
    Digest d = source.putBlob(content);
    AtomicInteger opens = new AtomicInteger();
    source.faults.put(
        d,
        b ->
            opens.incrementAndGet() == 1
                ? FakeSource.cutAfter(b, 70_000)
                : new ByteArrayInputStream(b));

    PulledBlob blob = downloader.download(new BlobTask(d, content.length), scope);

    assertThat(blob.retries()).isEqualTo(1);
    assertThat(store.exists(d)).isTrue();
    long net =
        events.stream()
            .filter(e -> e instanceof PullEvent.BlobProgress)
            .mapToLong(e -> ((PullEvent.BlobProgress) e).delta())
            .sum();
    assertThat(net).isEqualTo(content.length);
    assertThat(events).anyMatch(e -> e instanceof PullEvent.Retrying r && r.attempt() == 2);
  }

  @Test
  void aTransferThatKeepsFailingGivesUpAfterTheLastAttempt() {
    Digest d = source.putBlob(new byte[10_000]);
    source.faults.put(d, b -> FakeSource.cutAfter(b, 10));

    assertThatThrownBy(() -> downloader.download(new BlobTask(d, 10_000), scope))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining(d.toString());
    assertThat(source.blobRequests).hasSize(3);
    assertThat(store.exists(d)).isFalse();
  }

  @Test
  void aSchema1LayerWithoutSizeUsesTheContentLength() {
    Digest d = source.putBlob(new byte[4321]);

    PulledBlob blob = downloader.download(new BlobTask(d, -1), scope);

    assertThat(blob.size()).isEqualTo(4321);
    assertThat(store.size(d)).hasValue(4321);
  }

  @Test
  void aSchema1LayerWithoutAnySizeIsRefused() {
    Digest d = Digest.sha256(new byte[3]);
    ImageSource noLength =
        new ImageSource() {
          @Override
          public String registry() {
            return "registry.example";
          }

          @Override
          public String repository() {
            return "ns/app";
          }

          @Override
          public FetchedManifest manifest(String reference) {
            throw new UnsupportedOperationException();
          }

          @Override
          public BlobStream openBlob(Digest digest) {
            return new BlobStream(
                new ByteArrayInputStream(new byte[3]),
                java.util.OptionalLong.empty(),
                "registry.example",
                false);
          }
        };
    BlobDownloader d2 =
        new BlobDownloader(
            noLength, store, new PullEvents(events::add), 1, FakeSource.context(Phase.BLOB));

    assertThatThrownBy(() -> d2.download(new BlobTask(d, -1), scope))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("Content-Length");
  }
}
