package dev.registryclient.oci.pull;

import dev.registryclient.api.Digest;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.manifest.Schema1Manifest;
import dev.registryclient.api.store.BlobStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns image manifests into a {@link PullPlan}: every config and layer once (an image may repeat a
 * layer, several platforms share them), minus what the target store already has. The store is asked
 * once per distinct digest; nothing goes to the network.
 *
 * <p>Foreign and non-distributable layers that name external {@code urls} are left out, as docker
 * and containerd do: registries usually do not hold them.
 */
final class PullPlanner {
  private PullPlanner() {}

  /**
   * Plans the blobs of {@code images} (image manifests or schema 1 manifests; an index has no blobs
   * of its own) against {@code store}.
   */
  static PullPlan plan(List<Manifest> images, BlobStore store) {
    Map<Digest, BlobTask> configs = new LinkedHashMap<>();
    Map<Digest, BlobTask> layers = new LinkedHashMap<>();
    for (Manifest image : images) {
      if (image instanceof ImageManifest m) {
        configs.putIfAbsent(m.config().digest(), BlobTask.of(m.config()));
        m.layers().stream()
            .filter(ImageBlobs::distributable)
            .forEach(l -> layers.putIfAbsent(l.digest(), BlobTask.of(l)));
      } else if (image instanceof Schema1Manifest m) {
        m.layers().forEach(d -> layers.putIfAbsent(d, new BlobTask(d, -1)));
      } else {
        throw new IllegalArgumentException("an index has no blobs to plan: " + image.digest());
      }
    }
    layers.keySet().removeAll(configs.keySet());
    List<BlobTask> all = new ArrayList<>(configs.values());
    all.addAll(layers.values());
    Set<Digest> present = new HashSet<>();
    for (BlobTask task : all) {
      if (store.exists(task.digest())) {
        present.add(task.digest());
      }
    }
    return new PullPlan(all, present, missing(configs, present), missing(layers, present));
  }

  private static List<BlobTask> missing(Map<Digest, BlobTask> tasks, Set<Digest> present) {
    return tasks.values().stream().filter(t -> !present.contains(t.digest())).toList();
  }
}
