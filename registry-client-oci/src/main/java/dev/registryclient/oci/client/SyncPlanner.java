package dev.registryclient.oci.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.oci.copy.CopySelection;
import dev.registryclient.oci.copy.CopySource;
import dev.registryclient.oci.manifest.ManifestCodec;
import dev.registryclient.oci.platform.PlatformMatcher;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides whether a sync can skip an image: the target reference already names the manifest a copy
 * would write there. Costs a {@code HEAD} at the target and at most one manifest read at the source
 * (an index, to pick the platform's image).
 */
final class SyncPlanner {

  /**
   * One image of a sync.
   *
   * @param source the image to read
   * @param target where it goes
   */
  record Pair(ImageReference source, ImageReference target) {}

  private final Function<ImageReference, CopySource> sources;
  private final Function<ImageReference, Optional<Descriptor>> targets;
  private final ManifestCodec codec;

  /**
   * @param sources the copy source of a reference
   * @param targets what a target reference names now ({@code HEAD}), empty when nothing
   */
  SyncPlanner(
      Function<ImageReference, CopySource> sources,
      Function<ImageReference, Optional<Descriptor>> targets,
      ManifestCodec codec) {
    this.sources = sources;
    this.targets = targets;
    this.codec = codec;
  }

  /** Whether {@code pair.target()} already names what copying {@code pair.source()} would write. */
  boolean present(Pair pair, CopySelection.Platforms platforms) {
    Optional<Descriptor> there;
    try {
      there = targets.apply(pair.target());
    } catch (NotFoundException e) {
      return false;
    }
    if (there.isEmpty()) {
      return false;
    }
    return there.get().digest().equals(planned(pair.source(), platforms));
  }

  private Digest planned(ImageReference source, CopySelection.Platforms platforms) {
    CopySource copySource = sources.apply(source);
    ErrorContext context = ErrorContext.of(Phase.MANIFEST, source.registry(), source.repository());
    if (platforms instanceof CopySelection.Platforms.Some) {
      return CopySelection.of(copySource, platforms, codec, context).top().digest();
    }
    Manifest top = copySource.top();
    if (top instanceof ImageIndex index && platforms instanceof CopySelection.Platforms.One one) {
      return PlatformMatcher.select(index, one.platform(), context).digest();
    }
    return top.digest();
  }
}
