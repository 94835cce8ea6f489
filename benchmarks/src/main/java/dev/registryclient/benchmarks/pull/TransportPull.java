package dev.registryclient.benchmarks.pull;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.core.TransportBuilder;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.RegistryEndpoints;
import dev.registryclient.oci.manifest.ManifestFetcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The plainest pull the SDK allows: {@link ManifestFetcher} for the manifest, then one transport
 * GET per blob on a fixed pool of {@code parallelism} threads, each body copied straight into a
 * store writer (which hashes and verifies it). No planner, no events, no resume: the floor the pull
 * engine's own overhead is measured against.
 */
final class TransportPull implements PullDriver {
  private final Transport transport;
  private final RegistryEndpoints endpoints;
  private final ManifestFetcher manifests;
  private final ExecutorService pool;

  TransportPull(URI registry, int parallelism) {
    this.transport = TransportBuilder.create().maxConnections(64, 2 * parallelism + 2).build();
    this.endpoints = RegistryEndpoints.of(registry);
    this.manifests = ManifestFetcher.create(transport, endpoints);
    this.pool = Executors.newFixedThreadPool(parallelism);
  }

  @Override
  public long pull(String repository, String tag, BlobStore store) {
    Manifest manifest = manifests.fetch(repository, tag);
    if (!(manifest instanceof ImageManifest image)) {
      throw new IllegalStateException("expected an image manifest, got " + manifest.mediaType());
    }
    List<Descriptor> blobs = new ArrayList<>(image.layers());
    blobs.add(image.config());
    List<Future<Long>> downloads = new ArrayList<>();
    for (Descriptor blob : blobs) {
      downloads.add(pool.submit(() -> download(repository, blob, store)));
    }
    long total = 0;
    try {
      for (Future<Long> download : downloads) {
        total += await(download);
      }
    } catch (RuntimeException e) {
      downloads.forEach(d -> d.cancel(true)); // the first failure ends the pull
      throw e;
    }
    return total;
  }

  private long download(String repository, Descriptor blob, BlobStore store) throws IOException {
    Request get = Request.get(endpoints.blob(repository, blob.digest()));
    try (Response response = transport.execute(get);
        BlobWriter writer = store.writer(blob.digest(), blob.size())) {
      if (response.status() != 200) {
        throw new IllegalStateException("blob GET " + get.uri() + " answered " + response.status());
      }
      long n = writer.transferFrom(response.body());
      writer.commit();
      return n;
    }
  }

  private static long await(Future<Long> download) {
    try {
      return download.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while pulling", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    transport.close();
  }
}
