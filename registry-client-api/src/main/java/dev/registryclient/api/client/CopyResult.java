package dev.registryclient.api.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.ImageReference;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a successful copy or push.
 *
 * <pre>{@code
 * CopyResult r = client.copy(src, dst).execute();
 * if (r.rewritten()) {
 *   System.out.println("index rewritten: " + r.sourceManifest().digest() + " -> "
 *       + r.manifest().digest());
 * }
 * }</pre>
 *
 * @param source what was copied (for a push, the local image's description)
 * @param target where it went
 * @param sourceManifest the top manifest chosen at the source: the index, or the platform's image
 *     manifest when one platform was copied
 * @param manifest the top manifest now at the target; its digest equals {@code sourceManifest}'s
 *     unless a subset of an index's platforms was copied under a rewritten index
 * @param blobs every blob, once each, with what was done with it
 * @param elapsed the wall time of the whole copy
 * @param signatures where the signatures carried along went ({@link CopyRequest#copySignatures()}):
 *     a lookaside file URL per simple-signing signature written, the target's {@code .sig} tag
 */
public record CopyResult(
    String source,
    ImageReference target,
    Descriptor sourceManifest,
    Descriptor manifest,
    List<CopiedBlob> blobs,
    Duration elapsed,
    List<String> signatures) {

  /**
   * Checks for nulls and copies the list.
   *
   * @param source what was copied (for a push, the local image's description)
   * @param target where it went
   * @param sourceManifest the top manifest chosen at the source: the index, or the platform's image
   *     manifest when one platform was copied
   * @param manifest the top manifest now at the target; its digest equals {@code sourceManifest}'s
   *     unless a subset of an index's platforms was copied under a rewritten index
   * @param blobs every blob, once each, with what was done with it
   * @param elapsed the wall time of the whole copy
   * @param signatures where the signatures carried along went ({@link
   *     CopyRequest#copySignatures()}): a lookaside file URL per simple-signing signature written,
   *     the target's {@code .sig} tag
   */
  public CopyResult {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(sourceManifest, "sourceManifest");
    Objects.requireNonNull(manifest, "manifest");
    blobs = List.copyOf(blobs);
    Objects.requireNonNull(elapsed, "elapsed");
    signatures = List.copyOf(signatures);
  }

  /**
   * A result without signatures carried along.
   *
   * @param source what was copied (for a push, the local image's description)
   * @param target where it went
   * @param sourceManifest the top manifest chosen at the source: the index, or the platform's image
   *     manifest when one platform was copied
   * @param manifest the top manifest now at the target; its digest equals {@code sourceManifest}'s
   *     unless a subset of an index's platforms was copied under a rewritten index
   * @param blobs every blob, once each, with what was done with it
   * @param elapsed the wall time of the whole copy
   */
  public CopyResult(
      String source,
      ImageReference target,
      Descriptor sourceManifest,
      Descriptor manifest,
      List<CopiedBlob> blobs,
      Duration elapsed) {
    this(source, target, sourceManifest, manifest, blobs, elapsed, List.of());
  }

  /**
   * This result with the places signatures were written to.
   *
   * @param written the signature locations written
   * @return a copy with {@code signatures} replaced
   */
  public CopyResult withSignatures(List<String> written) {
    return new CopyResult(source, target, sourceManifest, manifest, blobs, elapsed, written);
  }

  /**
   * Whether the target's top manifest is a rewritten index (a subset of platforms).
   *
   * @return {@code true} if the top manifest's digest differs from the source's
   */
  public boolean rewritten() {
    return !sourceManifest.digest().equals(manifest.digest());
  }

  /**
   * Blobs whose bytes were sent.
   *
   * @return the number of blobs with outcome {@link CopiedBlob.Outcome#UPLOADED}
   */
  public long uploaded() {
    return count(CopiedBlob.Outcome.UPLOADED);
  }

  /**
   * Blobs the target registry linked from another repository.
   *
   * @return the number of blobs with outcome {@link CopiedBlob.Outcome#MOUNTED}
   */
  public long mounted() {
    return count(CopiedBlob.Outcome.MOUNTED);
  }

  /**
   * Blobs the target had already.
   *
   * @return the number of blobs with outcome {@link CopiedBlob.Outcome#SKIPPED}
   */
  public long skipped() {
    return count(CopiedBlob.Outcome.SKIPPED);
  }

  /**
   * Bytes sent to the target.
   *
   * @return the total size of the uploaded blobs, in bytes
   */
  public long bytesUploaded() {
    return blobs.stream()
        .filter(b -> b.outcome() == CopiedBlob.Outcome.UPLOADED)
        .mapToLong(b -> Math.max(0, b.size()))
        .sum();
  }

  private long count(CopiedBlob.Outcome outcome) {
    return blobs.stream().filter(b -> b.outcome() == outcome).count();
  }
}
