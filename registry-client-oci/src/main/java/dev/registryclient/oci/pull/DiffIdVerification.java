package dev.registryclient.oci.pull;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.client.DiffIdCheck;
import dev.registryclient.api.client.PullEvent;
import dev.registryclient.api.client.PulledBlob;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.ImageConfig;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.manifest.Schema1Manifest;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.oci.layer.DiffIdCheckingWriter;
import dev.registryclient.oci.layer.ExpectedDiffId;
import dev.registryclient.oci.layer.LayerCompression;
import dev.registryclient.oci.layer.UncompressedDigest;
import dev.registryclient.oci.manifest.ManifestCodec;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The diff_id check of one pull: what each layer must decompress to (read from the configs, which
 * the pull stores before any layer), the writer wrapper that checks it while the layer streams, and
 * the per-layer outcome for the result. Layers it cannot check are decided up front, with the
 * reason.
 */
final class DiffIdVerification implements BlobWriterHook {
  private final List<Digest> layers; // manifest order, once each
  private final Map<Digest, ExpectedDiffId> expected;
  private final Map<Digest, DiffIdCheck> outcomes; // filled in by the workers' writers

  private DiffIdVerification(
      List<Digest> layers,
      Map<Digest, ExpectedDiffId> expected,
      Map<Digest, DiffIdCheck> outcomes) {
    this.layers = List.copyOf(layers);
    this.expected = Map.copyOf(expected);
    this.outcomes = new ConcurrentHashMap<>(outcomes);
  }

  /**
   * Reads what each layer of {@code images} must decompress to from their configs in {@code store}.
   *
   * @throws InvalidContentException if a config lists a different number of diff_ids than its
   *     manifest has layers, or two configs disagree about one layer
   */
  static DiffIdVerification plan(
      ImageReference reference,
      List<Manifest> images,
      BlobStore store,
      ManifestCodec codec,
      ErrorContext context) {
    Map<Digest, ExpectedDiffId> expected = new LinkedHashMap<>();
    Map<Digest, DiffIdCheck> unchecked = new LinkedHashMap<>();
    for (Manifest image : images) {
      if (image instanceof Schema1Manifest schema1) {
        schema1
            .layers()
            .forEach(d -> unchecked.putIfAbsent(d, notChecked("schema 1 images have no diff_ids")));
      } else if (image instanceof ImageManifest manifest) {
        plan(reference, manifest, store, codec, context, expected, unchecked);
      }
    }
    unchecked.keySet().removeAll(expected.keySet());
    Set<Digest> layers = new LinkedHashSet<>();
    images.forEach(image -> layers.addAll(layerDigests(image)));
    return new DiffIdVerification(List.copyOf(layers), expected, unchecked);
  }

  private static List<Digest> layerDigests(Manifest image) {
    if (image instanceof ImageManifest m) {
      return m.layers().stream().map(Descriptor::digest).toList();
    }
    return image instanceof Schema1Manifest m ? m.layers() : List.of();
  }

  private static void plan(
      ImageReference reference,
      ImageManifest manifest,
      BlobStore store,
      ManifestCodec codec,
      ErrorContext context,
      Map<Digest, ExpectedDiffId> expected,
      Map<Digest, DiffIdCheck> unchecked) {
    List<Descriptor> layers = manifest.layers();
    if (layers.stream().map(LayerCompression::of).allMatch(Optional::isEmpty)) {
      // nothing to decode (an attestation's in-toto layers, an artifact): its config is not asked
      layers.forEach(
          l -> unchecked.putIfAbsent(l.digest(), notChecked(LayerCompression.whyNotChecked(l))));
      return;
    }
    if (!manifest.config().mediaType().isConfig()) {
      layers.forEach(
          l -> unchecked.putIfAbsent(l.digest(), notChecked("the config is not an image config")));
      return;
    }
    ErrorContext configContext = context.withPhase(Phase.CONFIG);
    ImageConfig config = ManifestStore.readConfig(store, manifest.config(), codec, configContext);
    List<Digest> diffIds = config.diffIds();
    if (diffIds.isEmpty() && !layers.isEmpty()) {
      layers.forEach(
          l -> unchecked.putIfAbsent(l.digest(), notChecked("the config lists no diff_ids")));
      return;
    }
    if (diffIds.size() != layers.size()) {
      throw new InvalidContentException(
          configContext,
          "config "
              + config.digest()
              + " of "
              + reference
              + " lists "
              + diffIds.size()
              + " diff_ids for "
              + layers.size()
              + " layers");
    }
    for (int i = 0; i < layers.size(); i++) {
      Descriptor layer = layers.get(i);
      Optional<LayerCompression> compression = LayerCompression.of(layer);
      Optional<String> unavailable = compression.flatMap(UncompressedDigest::unavailableReason);
      if (compression.isEmpty() || unavailable.isPresent()) {
        String why = unavailable.orElseGet(() -> LayerCompression.whyNotChecked(layer));
        unchecked.putIfAbsent(layer.digest(), notChecked(why));
        continue;
      }
      ExpectedDiffId wanted =
          new ExpectedDiffId(reference.toString(), diffIds.get(i), compression.get());
      ExpectedDiffId before = expected.putIfAbsent(layer.digest(), wanted);
      if (before != null && !before.diffId().equals(wanted.diffId())) {
        throw new InvalidContentException(
            configContext,
            "configs of "
                + reference
                + " disagree about layer "
                + layer.digest()
                + ": diff_id "
                + before.diffId()
                + " or "
                + wanted.diffId());
      }
    }
  }

  private static DiffIdCheck notChecked(String why) {
    return DiffIdCheck.notChecked(why);
  }

  @Override
  public BlobWriter wrap(BlobTask task, BlobWriter writer, ErrorContext context) {
    ExpectedDiffId wanted = expected.get(task.digest());
    if (wanted == null) {
      return writer;
    }
    return new DiffIdCheckingWriter(
        writer, wanted, context, check -> outcomes.put(task.digest(), check));
  }

  /**
   * {@code blobs} with each layer's outcome attached (layers that were not downloaded, because the
   * target had them, are reported as not checked); one {@link PullEvent.DiffIdChecked} per layer.
   */
  Map<Digest, PulledBlob> report(Map<Digest, PulledBlob> blobs, PullEvents events) {
    Map<Digest, PulledBlob> reported = new LinkedHashMap<>(blobs);
    for (Digest layer : layers) {
      PulledBlob blob = blobs.get(layer);
      if (blob == null) {
        continue;
      }
      DiffIdCheck check =
          outcomes.getOrDefault(
              layer,
              notChecked(
                  blob.downloaded()
                      ? "not decompressed"
                      : "already in the target, not read again"));
      reported.put(layer, blob.withDiffIdCheck(check));
      events.emit(new PullEvent.DiffIdChecked(layer, check));
    }
    return reported;
  }
}
