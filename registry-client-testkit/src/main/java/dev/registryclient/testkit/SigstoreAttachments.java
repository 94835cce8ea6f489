package dev.registryclient.testkit;

import dev.registryclient.api.Digest;
import dev.registryclient.testkit.internal.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the sigstore signatures of a {@link TestRegistry}'s images in the manifests cosign writes:
 * for {@code repo@sha256:<hex>}, an OCI image manifest tagged {@code sha256-<hex>.sig} in the same
 * repository with one {@code application/vnd.dev.cosign.simplesigning.v1+json} layer per signature
 * (the payload, annotated with the base64 signature) and the config go-containerregistry writes for
 * it. Adding a signature pushes the manifest again with one layer more, as {@code cosign sign}
 * does.
 */
final class SigstoreAttachments {
  private final TestRegistry registry;
  private final Map<String, List<SigstoreSignature>> added = new HashMap<>();

  SigstoreAttachments(TestRegistry registry) {
    this.registry = registry;
  }

  /** The tag of the signature manifest of {@code manifestDigest}: {@code sha256-<hex>.sig}. */
  static String tag(Digest manifestDigest) {
    return manifestDigest.algorithm().prefix() + "-" + manifestDigest.hex() + ".sig";
  }

  synchronized PushedImage add(String repository, Digest manifestDigest, SigstoreSignature sig) {
    List<SigstoreSignature> signatures =
        added.computeIfAbsent(repository + "@" + manifestDigest, k -> new ArrayList<>());
    signatures.add(sig);
    List<PushedBlob> layers = new ArrayList<>();
    List<Map<String, Object>> layerDescriptors = new ArrayList<>();
    for (SigstoreSignature signature : signatures) {
      PushedBlob layer =
          registry.pushBlob(repository, signature.payload(), SigstoreSignature.MEDIA_TYPE);
      layers.add(layer);
      Map<String, Object> descriptor = descriptor(layer);
      descriptor.put(
          "annotations",
          Json.object(SigstoreSignature.SIGNATURE_ANNOTATION, signature.signature()));
      layerDescriptors.add(descriptor);
    }
    String configType = ImageFormat.OCI.configType();
    PushedBlob config = registry.pushBlob(repository, config(layers), configType);
    String manifestType = ImageFormat.OCI.manifestType();
    byte[] manifest =
        Json.bytes(
            Json.object(
                "schemaVersion",
                2L,
                "mediaType",
                manifestType,
                "config",
                descriptor(config),
                "layers",
                layerDescriptors));
    String tag = tag(manifestDigest);
    Digest digest = registry.pushManifest(repository, tag, manifestType, manifest);
    return new PushedImage(
        registry.hostAndPort(),
        repository,
        tag,
        manifestType,
        digest,
        manifest,
        config,
        layers,
        "",
        "");
  }

  // what go-containerregistry's mutate.AppendLayers on empty.Image writes, which cosign pushes
  private static byte[] config(List<PushedBlob> layers) {
    List<Map<String, Object>> history = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      history.add(Json.object("created", "0001-01-01T00:00:00Z"));
    }
    return Json.bytes(
        Json.object(
            "architecture",
            "",
            "created",
            "0001-01-01T00:00:00Z",
            "history",
            history,
            "os",
            "",
            "rootfs",
            Json.object(
                "type",
                "layers",
                "diff_ids",
                layers.stream().map(l -> l.digest().toString()).toList()),
            "config",
            Json.object()));
  }

  private static Map<String, Object> descriptor(PushedBlob blob) {
    return Json.object(
        "mediaType", blob.mediaType(), "size", blob.size(), "digest", blob.digest().toString());
  }
}
