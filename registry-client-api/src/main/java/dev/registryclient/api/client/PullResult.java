package dev.registryclient.api.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.Platform;
import dev.registryclient.api.config.Source;
import dev.registryclient.api.trust.TrustVerdict;
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
 * @param storedManifest the same manifest as put into the {@code BlobStore}: the exact bytes the
 *     registry served, under the digest of those bytes. It equals {@code manifest} except for a
 *     signed schema 1 manifest, which the registry names by the digest of its JWS payload (without
 *     the signatures), so {@code store.exists(result.storedManifest().digest())} is the check that
 *     always works. (An {@code OciLayout} also records an OCI form of Docker manifests; its index
 *     names that.)
 * @param source where the manifest came from: the reference itself, or a mirror or relocation a
 *     {@link dev.registryclient.api.config.RegistryConfig} named
 * @param trust what the client's trust policy decided (who signed, what was checked), when it has
 *     one
 */
public record PullResult(
    ImageReference reference,
    Descriptor manifest,
    Optional<Platform> platform,
    List<PulledBlob> blobs,
    Duration elapsed,
    Descriptor storedManifest,
    Source source,
    Optional<TrustVerdict> trust) {

  /**
   * Checks for nulls and copies the list.
   *
   * @param reference what was pulled
   * @param manifest the top manifest stored: the platform's image manifest, or the index when all
   *     platforms were pulled (digest, media type, size; platform when chosen from an index)
   * @param platform the platform pulled; empty when all platforms were pulled or the image (schema
   *     1, artifacts) does not state one
   * @param blobs every blob of the image, once each, in manifest order (configs before layers)
   * @param elapsed the wall time of the whole pull
   * @param storedManifest the same manifest as put into the {@code BlobStore}: the exact bytes the
   *     registry served, under the digest of those bytes. It equals {@code manifest} except for a
   *     signed schema 1 manifest, which the registry names by the digest of its JWS payload
   *     (without the signatures), so {@code store.exists(result.storedManifest().digest())} is the
   *     check that always works. (An {@code OciLayout} also records an OCI form of Docker
   *     manifests; its index names that.)
   * @param source where the manifest came from: the reference itself, or a mirror or relocation a
   *     {@link dev.registryclient.api.config.RegistryConfig} named
   * @param trust what the client's trust policy decided (who signed, what was checked), when it has
   *     one
   */
  public PullResult {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(platform, "platform");
    blobs = List.copyOf(blobs);
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(storedManifest, "storedManifest");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(trust, "trust");
  }

  /**
   * A result without a trust decision.
   *
   * @param reference what was pulled
   * @param manifest the top manifest stored: the platform's image manifest, or the index when all
   *     platforms were pulled (digest, media type, size; platform when chosen from an index)
   * @param platform the platform pulled; empty when all platforms were pulled or the image (schema
   *     1, artifacts) does not state one
   * @param blobs every blob of the image, once each, in manifest order (configs before layers)
   * @param elapsed the wall time of the whole pull
   * @param storedManifest the same manifest as put into the {@code BlobStore}: the exact bytes the
   *     registry served, under the digest of those bytes. It equals {@code manifest} except for a
   *     signed schema 1 manifest, which the registry names by the digest of its JWS payload
   *     (without the signatures), so {@code store.exists(result.storedManifest().digest())} is the
   *     check that always works. (An {@code OciLayout} also records an OCI form of Docker
   *     manifests; its index names that.)
   * @param source where the manifest came from: the reference itself, or a mirror or relocation a
   *     {@link dev.registryclient.api.config.RegistryConfig} named
   */
  public PullResult(
      ImageReference reference,
      Descriptor manifest,
      Optional<Platform> platform,
      List<PulledBlob> blobs,
      Duration elapsed,
      Descriptor storedManifest,
      Source source) {
    this(reference, manifest, platform, blobs, elapsed, storedManifest, source, Optional.empty());
  }

  /**
   * A result whose manifest came from where the reference says.
   *
   * @param reference what was pulled
   * @param manifest the top manifest stored: the platform's image manifest, or the index when all
   *     platforms were pulled (digest, media type, size; platform when chosen from an index)
   * @param platform the platform pulled; empty when all platforms were pulled or the image (schema
   *     1, artifacts) does not state one
   * @param blobs every blob of the image, once each, in manifest order (configs before layers)
   * @param elapsed the wall time of the whole pull
   * @param storedManifest the same manifest as put into the {@code BlobStore}: the exact bytes the
   *     registry served, under the digest of those bytes. It equals {@code manifest} except for a
   *     signed schema 1 manifest, which the registry names by the digest of its JWS payload
   *     (without the signatures), so {@code store.exists(result.storedManifest().digest())} is the
   *     check that always works. (An {@code OciLayout} also records an OCI form of Docker
   *     manifests; its index names that.)
   */
  public PullResult(
      ImageReference reference,
      Descriptor manifest,
      Optional<Platform> platform,
      List<PulledBlob> blobs,
      Duration elapsed,
      Descriptor storedManifest) {
    this(
        reference,
        manifest,
        platform,
        blobs,
        elapsed,
        storedManifest,
        new Source(reference, false, false));
  }

  /**
   * A result whose manifest is stored under the digest the registry names it by.
   *
   * @param reference what was pulled
   * @param manifest the top manifest stored: the platform's image manifest, or the index when all
   *     platforms were pulled (digest, media type, size; platform when chosen from an index)
   * @param platform the platform pulled; empty when all platforms were pulled or the image (schema
   *     1, artifacts) does not state one
   * @param blobs every blob of the image, once each, in manifest order (configs before layers)
   * @param elapsed the wall time of the whole pull
   */
  public PullResult(
      ImageReference reference,
      Descriptor manifest,
      Optional<Platform> platform,
      List<PulledBlob> blobs,
      Duration elapsed) {
    this(reference, manifest, platform, blobs, elapsed, manifest);
  }

  /**
   * Bytes fetched over the network for blobs (manifests not counted).
   *
   * @return the total size of downloaded blobs, in bytes
   */
  public long bytesDownloaded() {
    return blobs.stream().filter(PulledBlob::downloaded).mapToLong(PulledBlob::size).sum();
  }

  /**
   * Bytes of all blobs of the image, whether fetched or already present.
   *
   * @return the total size of all blobs, in bytes
   */
  public long totalBytes() {
    return blobs.stream().mapToLong(PulledBlob::size).sum();
  }

  /**
   * The layers a pull with {@link PullRequest#verifyDiffIds(boolean) verifyDiffIds(true)} passed
   * through without checking their diff_id (see {@link DiffIdCheck#detail()} for why); empty when
   * every layer was checked, or when no check was asked for.
   *
   * @return the blobs whose diff_id check was {@link DiffIdCheck.Outcome#NOT_CHECKED}
   */
  public List<PulledBlob> diffIdsNotChecked() {
    return blobs.stream()
        .filter(b -> b.diffIdCheck().filter(c -> !c.verified()).isPresent())
        .toList();
  }

  /**
   * Retries, resumes and signed-URL refreshes over all blobs; see {@link PulledBlob#retries()}.
   *
   * @return the sum of every blob's {@link PulledBlob#retries()}
   */
  public int retries() {
    return blobs.stream().mapToInt(PulledBlob::retries).sum();
  }
}
