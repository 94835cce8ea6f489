package dev.registryclient.api.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.Platform;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a successful pull.
 *
 * <pre>{@code
 * PullResult r = client.pull("registry.example/app:1.0").into(store).execute();
 * System.out.println(r.manifest().digest() + " " + r.platform().orElseThrow()
 *     + ": " + r.bytesDownloaded() + " bytes in " + r.elapsed());
 * }</pre>
 *
 * @param reference what was pulled
 * @param manifest the top manifest stored: the platform's image manifest, or the index when all
 *     platforms were pulled (digest, media type, size; platform when chosen from an index)
 * @param platform the platform pulled; empty when all platforms were pulled or the image (schema 1,
 *     artifacts) does not state one
 * @param blobs every blob of the image, once each, in manifest order (configs before layers)
 * @param elapsed the wall time of the whole pull
 */
public record PullResult(
    ImageReference reference,
    Descriptor manifest,
    Optional<Platform> platform,
    List<PulledBlob> blobs,
    Duration elapsed) {

  /** Checks for nulls and copies the list. */
  public PullResult {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(platform, "platform");
    blobs = List.copyOf(blobs);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Bytes fetched over the network for blobs (manifests not counted). */
  public long bytesDownloaded() {
    return blobs.stream().filter(PulledBlob::downloaded).mapToLong(PulledBlob::size).sum();
  }

  /** Bytes of all blobs of the image, whether fetched or already present. */
  public long totalBytes() {
    return blobs.stream().mapToLong(PulledBlob::size).sum();
  }

  /** Blob downloads started again after a failure, over all blobs. */
  public int retries() {
    return blobs.stream().mapToInt(PulledBlob::retries).sum();
  }
}
