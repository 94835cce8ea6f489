package dev.registryclient.oci.layer;

import dev.registryclient.api.Digest;
import java.util.Objects;

/**
 * What an image config says one layer decompresses to.
 *
 * @param image the image, as the pull names it, for messages
 * @param diffId the {@code rootfs.diff_ids} entry at the layer's index
 * @param compression how the layer blob is compressed, from its media type
 */
public record ExpectedDiffId(String image, Digest diffId, LayerCompression compression) {
  /** Checks for nulls. */
  public ExpectedDiffId {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(diffId, "diffId");
    Objects.requireNonNull(compression, "compression");
  }
}
