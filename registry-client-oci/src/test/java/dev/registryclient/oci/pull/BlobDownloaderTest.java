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
import dev.registryclient.core.transport.RetryEvent;
import dev.registryclient.core.transport.RetryListener;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BlobDownloaderTest {
  private final FakeSource source = new FakeSource();
  private final MemoryBlobStore store = new MemoryBlobStore();
  private final List<PullEvent> events = new CopyOnWriteArrayList<>();
  private final BlobDownloader downloader =
      new BlobDownloader(
          source, store, new PullEvents(events::add), FakeSource.context(Phase.BLOB));
  private final TransferScope scope = new TransferScope(FakeSource.context(Phase.BLOB));

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
  void retriesAndResumesTheSourceReportsAreCountedAndBecomeEvents() {
    Digest d = source.putBlob(new byte[2000]);
    source.retries.put(
        d,
        List.of(
            event(RetryEvent.Kind.RETRY, 2, "HTTP 503"),
            event(RetryEvent.Kind.REFRESH_URL, 2, "cdn.example refused the signed URL"),
            event(RetryEvent.Kind.RESUME, 3, "connection reset")));

    PulledBlob blob = downloader.download(new BlobTask(d, 2000), scope);

    assertThat(blob.retries()).isEqualTo(3);
    assertThat(events)
        .contains(
            new PullEvent.Retrying(d, 2, "HTTP 503"),
            new PullEvent.Retrying(d, 2, "cdn.example refused the signed URL"),
            new PullEvent.Resumed(d, 0, 3, "connection reset"));
    assertThat(store.exists(d)).isTrue();
  }

  @Test
  void aCutTransferIsNotStartedAgainOnTopOfTheSourcesOwnRetries() {
    Digest d = source.putBlob(new byte[10_000]);
    source.faults.put(d, b -> FakeSource.cutAfter(b, 10));

    assertThatThrownBy(() -> downloader.download(new BlobTask(d, 10_000), scope))
        .isInstanceOf(TransportException.class)
        .hasMessageContaining(d.toString());
    assertThat(source.blobRequests).as("one transfer; retrying is the transport's job").hasSize(1);
    assertThat(store.exists(d)).isFalse();
  }

  private static RetryEvent event(RetryEvent.Kind kind, int attempt, String reason) {
    return new RetryEvent(
        kind, attempt, 5, "blob", "registry.example", Duration.ZERO, reason, Optional.empty());
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
          public BlobStream openBlob(Digest digest, long size, RetryListener retries) {
            return new BlobStream(
                new ByteArrayInputStream(new byte[3]),
                java.util.OptionalLong.empty(),
                "registry.example",
                false);
          }
        };
    BlobDownloader d2 =
        new BlobDownloader(
            noLength, store, new PullEvents(events::add), FakeSource.context(Phase.BLOB));

    assertThatThrownBy(() -> d2.download(new BlobTask(d, -1), scope))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("Content-Length");
  }
}
