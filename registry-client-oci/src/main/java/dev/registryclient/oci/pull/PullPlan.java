package dev.registryclient.oci.pull;

import dev.registryclient.api.Digest;
import java.util.List;
import java.util.Set;

/**
 * What a pull will transfer, decided before any blob request: every blob of the image once, in
 * manifest order, split into those the target already has and those to fetch (configs first, as a
 * stage of their own, then layers).
 *
 * @param blobs every distinct blob of the image(s), configs and layers, in manifest order
 * @param present the digests of {@code blobs} already in the target store; never requested
 * @param configs config blobs to fetch, distinct
 * @param layers layer blobs to fetch, distinct, none of them also a config
 */
public record PullPlan(
    List<BlobTask> blobs, Set<Digest> present, List<BlobTask> configs, List<BlobTask> layers) {

  /** Copies the collections. */
  public PullPlan {
    blobs = List.copyOf(blobs);
    present = Set.copyOf(present);
    configs = List.copyOf(configs);
    layers = List.copyOf(layers);
  }

  /** Bytes of all blobs whose size is known. */
  public long totalBytes() {
    return blobs.stream().mapToLong(b -> Math.max(0, b.size())).sum();
  }
}
