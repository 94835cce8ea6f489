package dev.registryclient.oci.client;

import dev.registryclient.api.Platform;
import dev.registryclient.api.client.CopyEvent;
import dev.registryclient.api.client.CopyListener;
import dev.registryclient.api.client.CopyRequest;
import dev.registryclient.api.client.SyncRequest;
import dev.registryclient.api.client.SyncResult;
import dev.registryclient.api.client.SyncedImage;
import dev.registryclient.api.exception.RegistryException;
import dev.registryclient.oci.copy.CopySelection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The fluent sync configuration: lists the images, then checks and copies them one by one. */
final class DefaultSyncRequest implements SyncRequest {

  /** The images of a sync, given the tag filter (only a repository sync uses it). */
  interface Images {
    List<SyncPlanner.Pair> list(Optional<Pattern> tags);
  }

  private final Images images;
  private final SyncPlanner planner;
  private final Function<SyncPlanner.Pair, CopyRequest> copies;
  private Optional<Pattern> tags = Optional.empty();
  private CopySelection.Platforms platforms = new CopySelection.Platforms.One(Platform.current());
  private boolean copySignatures;
  private CopyListener listener = CopyListener.NONE;
  private Duration deadline;

  DefaultSyncRequest(
      Images images, SyncPlanner planner, Function<SyncPlanner.Pair, CopyRequest> copies) {
    this.images = images;
    this.planner = planner;
    this.copies = copies;
  }

  @Override
  public SyncRequest copySignatures() {
    this.copySignatures = true;
    return this;
  }

  @Override
  public SyncRequest tags(Pattern regex) {
    this.tags = Optional.of(Objects.requireNonNull(regex, "regex"));
    return this;
  }

  @Override
  public SyncRequest platform(Platform p) {
    this.platforms = new CopySelection.Platforms.One(Objects.requireNonNull(p, "platform"));
    return this;
  }

  @Override
  public SyncRequest allPlatforms() {
    this.platforms = new CopySelection.Platforms.All();
    return this;
  }

  @Override
  public SyncRequest onProgress(CopyListener l) {
    this.listener = Objects.requireNonNull(l, "listener");
    return this;
  }

  @Override
  public SyncRequest deadline(Duration timeout) {
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("deadline must be positive, got " + timeout);
    }
    this.deadline = timeout;
    return this;
  }

  @Override
  public SyncResult execute() {
    long start = System.nanoTime();
    List<SyncedImage> results = new ArrayList<>();
    for (SyncPlanner.Pair pair : images.list(tags)) {
      SyncedImage done = syncOne(pair);
      results.add(done);
      try {
        listener.onEvent(new CopyEvent.ImageSynced(done));
      } catch (RuntimeException e) {
        // a listener's failure is its own business
      }
    }
    return new SyncResult(results, Duration.ofNanos(System.nanoTime() - start));
  }

  /** Checks one image and copies it unless the target has it; a failure is reported, not thrown. */
  private SyncedImage syncOne(SyncPlanner.Pair pair) {
    try {
      if (planner.present(pair, platforms)) {
        return new SyncedImage(
            pair.source(),
            pair.target(),
            SyncedImage.Status.PRESENT,
            Optional.empty(),
            Optional.empty());
      }
      CopyRequest copy = copies.apply(pair).onProgress(listener);
      if (platforms instanceof CopySelection.Platforms.All) {
        copy.allPlatforms();
      } else if (platforms instanceof CopySelection.Platforms.One one) {
        copy.platform(one.platform());
      }
      if (deadline != null) {
        copy.deadline(deadline);
      }
      if (copySignatures) {
        copy.copySignatures();
      }
      return new SyncedImage(
          pair.source(),
          pair.target(),
          SyncedImage.Status.COPIED,
          Optional.of(copy.execute()),
          Optional.empty());
    } catch (RegistryException e) {
      return new SyncedImage(
          pair.source(),
          pair.target(),
          SyncedImage.Status.FAILED,
          Optional.empty(),
          Optional.of(e));
    }
  }
}
