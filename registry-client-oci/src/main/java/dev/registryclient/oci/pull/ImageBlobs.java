package dev.registryclient.oci.pull;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.manifest.Schema1Manifest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blobs a transfer of some image manifests moves: each config, then each layer, once, leaving
 * out foreign layers (Windows base layers a registry only points to with {@code urls}), which
 * neither pulls, copies nor reachability checks ask for.
 */
public final class ImageBlobs {
  private static final Set<MediaType> FOREIGN =
      Set.of(
          MediaType.DOCKER_FOREIGN_LAYER,
          MediaType.OCI_NONDISTRIBUTABLE_LAYER_TAR,
          MediaType.OCI_NONDISTRIBUTABLE_LAYER_TAR_GZIP,
          MediaType.OCI_NONDISTRIBUTABLE_LAYER_TAR_ZSTD);

  private ImageBlobs() {}

  /**
   * The blobs of {@code images} (image and schema 1 manifests; indexes have none of their own) with
   * their sizes, -1 when unknown (schema 1): configs first, in order, then layers.
   */
  public static Map<Digest, Long> of(List<Manifest> images) {
    Map<Digest, Long> configs = new LinkedHashMap<>();
    Map<Digest, Long> layers = new LinkedHashMap<>();
    for (Manifest m : images) {
      if (m instanceof ImageManifest image) {
        configs.merge(image.config().digest(), image.config().size(), Math::max);
        image.layers().stream()
            .filter(ImageBlobs::distributable)
            .forEach(l -> layers.merge(l.digest(), l.size(), Math::max));
      } else if (m instanceof Schema1Manifest schema1) {
        schema1.layers().forEach(d -> layers.putIfAbsent(d, -1L));
      }
    }
    layers.keySet().removeAll(configs.keySet());
    Map<Digest, Long> all = new LinkedHashMap<>(configs);
    all.putAll(layers);
    return all;
  }

  /** Whether a layer is fetched from the registry (not a foreign layer pointing elsewhere). */
  public static boolean distributable(Descriptor layer) {
    return layer.urls().isEmpty() || !FOREIGN.contains(layer.mediaType().withoutParameters());
  }
}
