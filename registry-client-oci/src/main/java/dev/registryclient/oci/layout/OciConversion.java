package dev.registryclient.oci.layout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.oci.layout.internal.DescriptorJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Docker schema 2 manifests and manifest lists in their OCI form, as skopeo writes them when it
 * copies a Docker image into an OCI layout: OCI tools (skopeo's {@code oci:} transport, umoci) only
 * read index.json entries of the OCI media types.
 *
 * <p>Only the manifest JSON is new. Config and layer descriptors keep their digests, sizes, URLs
 * and annotations, so the blobs are used unchanged: a Docker image config is a superset of the OCI
 * one, and a Docker layer is the same tar (or gzipped tar) as its OCI counterpart. The JSON is
 * compact, in image-spec field order with annotations sorted by key, so a manifest always converts
 * to the same bytes and digest.
 *
 * <pre>{@code
 * ImageManifest oci = OciConversion.manifest(dockerManifest);
 * layout.putManifest(oci.mediaType(), oci.raw());
 * }</pre>
 *
 * <p>Schema 1 manifests are not converted (their config would have to be rebuilt from the history).
 */
public final class OciConversion {
  static final MediaType DOCKER_LAYER_TAR =
      MediaType.parse("application/vnd.docker.image.rootfs.diff.tar");
  static final MediaType DOCKER_FOREIGN_LAYER_TAR =
      MediaType.parse("application/vnd.docker.image.rootfs.foreign.diff.tar");

  private static final Map<MediaType, MediaType> LAYER_TYPES =
      Map.of(
          MediaType.DOCKER_LAYER,
          MediaType.OCI_LAYER_TAR_GZIP,
          DOCKER_LAYER_TAR,
          MediaType.OCI_LAYER_TAR,
          MediaType.DOCKER_FOREIGN_LAYER,
          MediaType.OCI_NONDISTRIBUTABLE_LAYER_TAR_GZIP,
          DOCKER_FOREIGN_LAYER_TAR,
          MediaType.OCI_NONDISTRIBUTABLE_LAYER_TAR);
  private static final String OCI_LAYER_PREFIX = "vnd.oci.image.layer.";
  private static final ErrorContext CONTEXT = ErrorContext.of(Phase.STORE);
  private static final ObjectMapper JSON = new ObjectMapper();

  private OciConversion() {}

  /**
   * Whether manifests of {@code type} are converted: Docker schema 2 manifests and lists.
   *
   * @param type a manifest media type; parameters are ignored
   * @return whether {@link #manifest} or {@link #index} converts it
   */
  public static boolean converts(MediaType type) {
    MediaType bare = type.withoutParameters();
    return bare.equals(MediaType.DOCKER_MANIFEST) || bare.equals(MediaType.DOCKER_MANIFEST_LIST);
  }

  /**
   * The OCI form of a Docker schema 2 manifest; an OCI manifest is returned as it is.
   *
   * @param manifest the manifest to convert
   * @return the OCI manifest, with its own bytes and digest, or {@code manifest} itself if it is
   *     not a Docker schema 2 manifest
   * @throws InvalidContentException if a layer has a media type with no OCI equivalent
   */
  public static ImageManifest manifest(ImageManifest manifest) {
    if (!converts(manifest.mediaType())) {
      return manifest;
    }
    Descriptor config = manifest.config();
    if (config.mediaType().withoutParameters().equals(MediaType.DOCKER_CONFIG)) {
      config = retyped(config, MediaType.OCI_CONFIG);
    }
    List<Descriptor> layers = new ArrayList<>(manifest.layers().size());
    for (Descriptor layer : manifest.layers()) {
      layers.add(retyped(layer, layerType(manifest.digest(), layer)));
    }
    ObjectNode doc = header(MediaType.OCI_MANIFEST);
    DescriptorJson.write(config, doc.putObject("config"));
    ArrayNode layerArray = doc.putArray("layers");
    layers.forEach(l -> DescriptorJson.write(l, layerArray.addObject()));
    putAnnotations(doc, manifest.annotations());
    byte[] raw = bytes(doc);
    return new ImageManifest(
        MediaType.OCI_MANIFEST,
        Digest.sha256(raw),
        raw,
        config,
        layers,
        manifest.annotations(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * The OCI form of a Docker manifest list; an OCI index is returned as it is. An entry whose
   * digest is a key of {@code converted} points at that converted manifest instead, keeping its
   * platform and annotations; other entries (e.g. schema 1 manifests) are kept as they are.
   *
   * @param converted the OCI descriptors of converted children, by their Docker digest
   * @param index the manifest list to convert
   * @return the OCI index, with its own bytes and digest, or {@code index} itself if it is not a
   *     Docker manifest list
   */
  public static ImageIndex index(ImageIndex index, Map<Digest, Descriptor> converted) {
    if (!converts(index.mediaType())) {
      return index;
    }
    List<Descriptor> entries = new ArrayList<>(index.manifests().size());
    for (Descriptor entry : index.manifests()) {
      Descriptor target = converted.get(entry.digest());
      entries.add(
          target == null
              ? entry
              : new Descriptor(
                  target.mediaType(),
                  target.digest(),
                  target.size(),
                  entry.urls(),
                  entry.annotations(),
                  entry.platform(),
                  Optional.empty()));
    }
    ObjectNode doc = header(MediaType.OCI_INDEX);
    ArrayNode manifests = doc.putArray("manifests");
    entries.forEach(e -> DescriptorJson.write(e, manifests.addObject()));
    putAnnotations(doc, index.annotations());
    byte[] raw = bytes(doc);
    return new ImageIndex(
        MediaType.OCI_INDEX,
        Digest.sha256(raw),
        raw,
        entries,
        index.annotations(),
        Optional.empty(),
        Optional.empty());
  }

  private static MediaType layerType(Digest manifest, Descriptor layer) {
    MediaType type = layer.mediaType().withoutParameters();
    MediaType oci = LAYER_TYPES.get(type);
    if (oci != null) {
      return oci;
    }
    if (type.type().equals("application") && type.subtype().startsWith(OCI_LAYER_PREFIX)) {
      return layer.mediaType(); // already an OCI layer type, as some builders mix them in
    }
    throw new InvalidContentException(
        CONTEXT,
        "cannot convert Docker manifest "
            + manifest
            + " to OCI: layer "
            + layer.digest()
            + " has media type "
            + layer.mediaType()
            + ", which has no OCI equivalent");
  }

  /** {@code d} with another media type; a platform or artifact type has no place in a layer. */
  private static Descriptor retyped(Descriptor d, MediaType type) {
    return new Descriptor(
        type, d.digest(), d.size(), d.urls(), d.annotations(), Optional.empty(), Optional.empty());
  }

  private static ObjectNode header(MediaType type) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("schemaVersion", 2);
    doc.put("mediaType", type.toString());
    return doc;
  }

  private static void putAnnotations(ObjectNode doc, Map<String, String> annotations) {
    if (annotations.isEmpty()) {
      return;
    }
    ObjectNode node = doc.putObject("annotations");
    annotations.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(a -> node.put(a.getKey(), a.getValue()));
  }

  private static byte[] bytes(ObjectNode doc) {
    try {
      return JSON.writeValueAsBytes(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings and numbers always serializes", e);
    }
  }
}
