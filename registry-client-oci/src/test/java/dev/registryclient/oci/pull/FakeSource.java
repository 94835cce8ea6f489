package dev.registryclient.oci.pull;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.core.transport.RetryEvent;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.oci.manifest.ManifestCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * An in-memory repository: manifests by tag and digest, blobs by digest, with injectable faults.
 */
final class FakeSource implements ImageSource {
  final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
  final Map<Digest, byte[]> blobs = new ConcurrentHashMap<>();
  final List<Digest> blobRequests = new CopyOnWriteArrayList<>();
  final List<String> manifestRequests = new CopyOnWriteArrayList<>();
  final Map<Digest, Function<byte[], InputStream>> faults = new ConcurrentHashMap<>();

  /** Retries the source reports for a blob when it is opened, as a resuming transport would. */
  final Map<Digest, List<RetryEvent>> retries = new ConcurrentHashMap<>();

  /** Counted down whenever a blob stream is opened. */
  volatile CountDownLatch opened = new CountDownLatch(0);

  String blobHost = "registry.example";

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
    manifestRequests.add(reference);
    byte[] bytes = manifests.get(reference);
    if (bytes == null) {
      throw new NotFoundException(
          context(Phase.MANIFEST), "no manifest " + reference, 404, List.of());
    }
    return new FetchedManifest(
        ManifestCodec.defaults().decode(bytes, Optional.empty(), context(Phase.MANIFEST)),
        registry());
  }

  @Override
  public BlobStream openBlob(Digest digest, long size, RetryListener listener) {
    blobRequests.add(digest);
    retries.getOrDefault(digest, List.of()).forEach(listener::onRetry);
    byte[] bytes = blobs.get(digest);
    opened.countDown();
    if (bytes == null) {
      throw new NotFoundException(context(Phase.BLOB), "no blob " + digest, 404, List.of());
    }
    Function<byte[], InputStream> fault = faults.get(digest);
    InputStream body = fault != null ? fault.apply(bytes) : new ByteArrayInputStream(bytes);
    return new BlobStream(
        body, OptionalLong.of(bytes.length), blobHost, !blobHost.equals(registry()));
  }

  Digest putBlob(byte[] bytes) {
    Digest d = Digest.sha256(bytes);
    blobs.put(d, bytes);
    return d;
  }

  Digest putManifest(String tag, String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    Digest d = Digest.sha256(bytes);
    manifests.put(d.toString(), bytes);
    if (tag != null) {
      manifests.put(tag, bytes);
    }
    return d;
  }

  static ErrorContext context(Phase phase) {
    return ErrorContext.of(phase, "registry.example", "ns/app");
  }

  /** A body that blocks until it is closed, then fails as a closed socket does. */
  static InputStream hanging(CountDownLatch reading) {
    return new InputStream() {
      private final CountDownLatch closed = new CountDownLatch(1);

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        reading.countDown();
        try {
          closed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IOException("socket closed");
      }

      @Override
      public void close() {
        closed.countDown();
      }
    };
  }

  /** A body that delivers {@code n} bytes and then fails. */
  static InputStream cutAfter(byte[] bytes, int n) {
    return new InputStream() {
      private int pos;

      @Override
      public int read() throws IOException {
        if (pos >= n) {
          throw new IOException("connection reset");
        }
        return bytes[pos++] & 0xff;
      }
    };
  }
}
