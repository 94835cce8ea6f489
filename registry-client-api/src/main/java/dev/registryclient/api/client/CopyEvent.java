package dev.registryclient.api.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import java.util.Objects;

/**
 * What happens during a copy or push: {@link Resolved} once per image, then per blob {@link
 * BlobStarted}, any number of {@link BlobProgress} (and {@link Retrying}), then {@link BlobDone};
 * then {@link ManifestPushed} for each manifest, children first, and {@link Finished}. A sync adds
 * {@link ImageSynced} after each image. {@link SourceFailed} may come at any point before {@link
 * Finished}, when a registry configuration names mirrors.
 *
 * <pre>{@code
 * CopyListener bytes = event -> {
 *   if (event instanceof CopyEvent.BlobProgress p) {
 *     upBar.set(p.uploaded());
 *   }
 * };
 * }</pre>
 */
public sealed interface CopyEvent {

  /**
   * The source was read and the plan made.
   *
   * @param source what is copied
   * @param target where to
   * @param manifest the top manifest chosen at the source
   * @param blobs how many blobs the image has
   */
  record Resolved(String source, ImageReference target, Descriptor manifest, int blobs)
      implements CopyEvent {
    /**
     * Checks for nulls.
     *
     * @param source what is copied
     * @param target where to
     * @param manifest the top manifest chosen at the source
     * @param blobs how many blobs the image has
     */
    public Resolved {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(manifest, "manifest");
    }
  }

  /**
   * A blob's transfer began (after the target said it lacks it).
   *
   * @param digest the blob
   * @param size its size, or -1 when unknown
   */
  record BlobStarted(Digest digest, long size) implements CopyEvent {}

  /**
   * A chunk of a blob reached the target.
   *
   * @param digest the blob
   * @param downloaded bytes read from the source so far
   * @param uploaded bytes the target has acknowledged so far
   * @param size its size, or -1 when unknown
   */
  record BlobProgress(Digest digest, long downloaded, long uploaded, long size)
      implements CopyEvent {}

  /**
   * A request for a blob is sent again, or its transfer continues after a cut.
   *
   * @param digest the blob
   * @param attempt the attempt about to start
   * @param reason why, e.g. {@code HTTP 503} or {@code connection reset}
   */
  record Retrying(Digest digest, int attempt, String reason) implements CopyEvent {}

  /**
   * A blob is at the target.
   *
   * @param digest the blob
   * @param size its size, or -1 when unknown
   * @param outcome uploaded, mounted or already there
   */
  record BlobDone(Digest digest, long size, CopiedBlob.Outcome outcome) implements CopyEvent {}

  /**
   * A manifest was written at the target.
   *
   * @param reference the tag or digest it was written under
   * @param manifest what was written
   */
  record ManifestPushed(ImageReference reference, Descriptor manifest) implements CopyEvent {}

  /**
   * A source of the image (a mirror, or the registry, as a registry configuration gives them)
   * failed and the next one is tried; reported as a warning when a later source serves the copy.
   *
   * @param source the source that failed, as it names the image, e.g. {@code mirror m:5000/app:1}
   * @param reason what went wrong there
   */
  record SourceFailed(String source, String reason) implements CopyEvent {
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
   * The copy succeeded.
   *
   * @param result what was copied
   */
  record Finished(CopyResult result) implements CopyEvent {}

  /**
   * A sync is done with one image: copied, already present, or failed.
   *
   * @param image the image and what happened to it
   */
  record ImageSynced(SyncedImage image) implements CopyEvent {
    /**
     * Checks for null.
     *
     * @param image the image and what happened to it
     */
    public ImageSynced {
      Objects.requireNonNull(image, "image");
    }
  }
}
