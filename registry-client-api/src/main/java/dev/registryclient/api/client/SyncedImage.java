package dev.registryclient.api.client;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.exception.RegistryException;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sync did with one image.
 *
 * @param source the image read
 * @param target where it belongs
 * @param status copied, already present, or failed
 * @param copy the copy's result, when it was copied
 * @param failure why it failed, when it did
 */
public record SyncedImage(
    ImageReference source,
    ImageReference target,
    Status status,
    Optional<CopyResult> copy,
    Optional<RegistryException> failure) {

  /** The outcome for one image. */
  public enum Status {
    /** Copied now. */
    COPIED,
    /** The target already had it; nothing was transferred. */
    PRESENT,
    /** The copy failed; see {@link #failure()}. */
    FAILED
  }

  /**
   * Checks for nulls.
   *
   * @param source the image read
   * @param target where it belongs
   * @param status copied, already present, or failed
   * @param copy the copy's result, when it was copied
   * @param failure why it failed, when it did
   */
  public SyncedImage {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(copy, "copy");
    Objects.requireNonNull(failure, "failure");
  }
}
