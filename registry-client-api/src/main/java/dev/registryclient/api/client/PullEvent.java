package dev.registryclient.api.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.trust.TrustVerdict;
import java.util.Objects;

/**
 * What happens during a pull, in order for one blob: {@link BlobStarted}, any number of {@link
 * BlobProgress} (and {@link Redirected}, {@link Retrying} or {@link Resumed}), then {@link
 * BlobDone}; or just {@link BlobSkipped} for a blob the target already has. The pull begins with
 * {@link Resolved} and ends with {@link Finished} when it succeeds.
 *
 * <pre>{@code
 * PullListener log = event -> {
 *   if (event instanceof PullEvent.BlobDone d) {
 *     System.out.println(d.digest() + " from " + d.host());
 *   }
 * };
 * }</pre>
 */
public sealed interface PullEvent {

  /**
   * The reference was resolved to its top manifest.
   *
   * @param reference what was asked for
   * @param manifest its top manifest (an index, or the image manifest)
   * @param totalBytes bytes of all blobs the pull needs (skipped ones included), once known
   */
  record Resolved(ImageReference reference, Descriptor manifest, long totalBytes)
      implements PullEvent {
    /**
     * Checks for nulls.
     *
     * @param reference what was asked for
     * @param manifest its top manifest (an index, or the image manifest)
     * @param totalBytes bytes of all blobs the pull needs (skipped ones included), once known
     */
    public Resolved {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(manifest, "manifest");
    }
  }

  /**
   * A blob download began.
   *
   * @param digest the blob
   * @param size its size, or -1 when the manifest did not say (schema 1)
   */
  record BlobStarted(Digest digest, long size) implements PullEvent {}

  /**
   * More bytes of a blob arrived.
   *
   * @param digest the blob
   * @param delta bytes since the previous event for this blob
   * @param received bytes of this blob received so far
   * @param size its size, or -1 when unknown
   */
  record BlobProgress(Digest digest, long delta, long received, long size) implements PullEvent {}

  /**
   * A blob was verified and stored.
   *
   * @param digest the blob
   * @param size its size
   * @param host the host that served the bytes (a CDN host after a redirect)
   */
  record BlobDone(Digest digest, long size, String host) implements PullEvent {}

  /**
   * A blob was already in the target (or downloaded by a concurrent pull into it) and was not
   * requested.
   *
   * @param digest the blob
   * @param size its size, or -1 when unknown
   */
  record BlobSkipped(Digest digest, long size) implements PullEvent {}

  /**
   * A blob's request was redirected, typically to a CDN.
   *
   * @param digest the blob
   * @param host the host now serving it
   */
  record Redirected(Digest digest, String host) implements PullEvent {}

  /**
   * A blob's request failed before its body arrived (or the CDN refused its signed URL) and is sent
   * again, from the registry, so a redirect yields a fresh URL. Nothing received is lost.
   *
   * @param digest the blob
   * @param attempt the attempt about to start, 2 for the first retry
   * @param reason why the previous attempt failed, e.g. {@code HTTP 503} or {@code connection
   *     refused}
   */
  record Retrying(Digest digest, int attempt, String reason) implements PullEvent {}

  /**
   * A blob's body was cut and continues with a {@code Range} request from the bytes already
   * received; progress is not taken back.
   *
   * @param digest the blob
   * @param offset the byte it continues from
   * @param attempt the attempt about to start, 2 for the first resume
   * @param reason why the body was cut, e.g. {@code connection reset}
   */
  record Resumed(Digest digest, long offset, int attempt, String reason) implements PullEvent {}

  /**
   * A source of the image (a mirror, or the registry) failed and the next one is tried; reported as
   * a warning when a later source serves the pull (a mirror refusing credentials, say).
   *
   * @param source the source that failed, as it names the image, e.g. {@code mirror m:5000/app:1}
   * @param reason what went wrong there
   */
  record SourceFailed(String source, String reason) implements PullEvent {
    /**
     * Checks for nulls.
     *
     * @param source the source that failed, as it names the image, e.g. {@code mirror m:5000/app:1}
     * @param reason what went wrong there
     */
    public SourceFailed {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The client's trust policy accepted the image: its signatures were fetched and checked before
   * anything was stored. (A rejection ends the pull with an {@link
   * dev.registryclient.api.exception.ImageRejectedException}.)
   *
   * @param verdict who signed, and every signature checked
   */
  record Verified(TrustVerdict verdict) implements PullEvent {
    /**
     * Checks for nulls.
     *
     * @param verdict who signed, and every signature checked
     */
    public Verified {
      Objects.requireNonNull(verdict, "verdict");
    }
  }

  /**
   * A layer's diff_id was checked, or passed through unchecked; sent once per layer, after the
   * layers are stored, by a pull with {@link PullRequest#verifyDiffIds(boolean)
   * verifyDiffIds(true)}. (A mismatch ends the pull with a {@link
   * dev.registryclient.api.exception.DiffIdMismatchException} instead.)
   *
   * @param digest the layer
   * @param check what was found
   */
  record DiffIdChecked(Digest digest, DiffIdCheck check) implements PullEvent {
    /**
     * Checks for nulls.
     *
     * @param digest the layer
     * @param check what was found
     */
    public DiffIdChecked {
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(check, "check");
    }
  }

  /**
   * The pull succeeded.
   *
   * @param result what was pulled
   */
  record Finished(PullResult result) implements PullEvent {}
}
