package dev.registryclient.api.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a sync: one entry per image, in the order they were synced.
 *
 * @param images each image and what happened to it
 * @param elapsed the wall time of the whole sync
 */
public record SyncResult(List<SyncedImage> images, Duration elapsed) {

  /**
   * Copies the list.
   *
   * @param images each image and what happened to it
   * @param elapsed the wall time of the whole sync
   */
  public SyncResult {
    images = List.copyOf(images);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /**
   * Images copied now.
   *
   * @return the number of images with status {@link SyncedImage.Status#COPIED}
   */
  public long copied() {
    return count(SyncedImage.Status.COPIED);
  }

  /**
   * Images the target had already.
   *
   * @return the number of images with status {@link SyncedImage.Status#PRESENT}
   */
  public long present() {
    return count(SyncedImage.Status.PRESENT);
  }

  /**
   * Images that failed.
   *
   * @return the number of images with status {@link SyncedImage.Status#FAILED}
   */
  public long failed() {
    return count(SyncedImage.Status.FAILED);
  }

  private long count(SyncedImage.Status status) {
    return images.stream().filter(i -> i.status() == status).count();
  }
}
