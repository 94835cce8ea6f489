package dev.registryclient.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.Descriptor;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.manifest.Schema1Manifest;

/**
 * The JSON {@code inspect} prints: digest, media type and size of the manifest; for an index its
 * {@code platforms} and {@code manifests}; for an image its {@code config} and {@code layers}
 * (digest, size, media type each).
 *
 * <p>{@code platforms} lists what the index offers to run, so never the {@code unknown/unknown} of
 * an attestation manifest; those are listed under {@code attestations} as {@code digest} and {@code
 * for} (the image it describes, or null), and the field is absent when there are none. {@code
 * manifests} lists every entry of the index as served.
 */
final class ManifestJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestJson() {}

  /** The document for {@code manifest}, as pulled by {@code reference}. */
  static ObjectNode describe(String reference, Manifest manifest) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("reference", reference);
    root.put("digest", manifest.digest().toString());
    root.put("mediaType", manifest.mediaType().toString());
    root.put("size", manifest.size());
    root.put("schemaVersion", manifest.schemaVersion());
    if (manifest instanceof ImageIndex index) {
      ArrayNode platforms = root.putArray("platforms");
      ArrayNode manifests = root.putArray("manifests");
      index.platforms().forEach(p -> platforms.add(p.toString()));
      for (Descriptor d : index.manifests()) {
        ObjectNode entry = descriptor(d);
        d.platform().ifPresent(p -> entry.put("platform", p.toString()));
        manifests.add(entry);
      }
      if (!index.attestations().isEmpty()) {
        ArrayNode attestations = root.putArray("attestations");
        for (Descriptor a : index.attestations()) {
          ObjectNode entry = attestations.addObject().put("digest", a.digest().toString());
          a.attestedDigest()
              .ifPresentOrElse(d -> entry.put("for", d.toString()), () -> entry.putNull("for"));
        }
      }
    } else if (manifest instanceof ImageManifest image) {
      root.set("config", descriptor(image.config()));
      ArrayNode layers = root.putArray("layers");
      image.layers().forEach(l -> layers.add(descriptor(l)));
      image.artifactType().ifPresent(t -> root.put("artifactType", t.toString()));
      if (!image.annotations().isEmpty()) {
        ObjectNode annotations = root.putObject("annotations");
        image.annotations().forEach(annotations::put);
      }
    } else if (manifest instanceof Schema1Manifest old) {
      root.put("architecture", old.architecture());
      ArrayNode layers = root.putArray("layers");
      // fsLayers run newest first; print them in apply order like the other formats
      for (int i = old.fsLayers().size() - 1; i >= 0; i--) {
        layers.add(MAPPER.createObjectNode().put("digest", old.fsLayers().get(i).toString()));
      }
      root.put("signatures", old.signatureStatus().name().toLowerCase(java.util.Locale.ROOT));
    }
    return root;
  }

  /**
   * Adds {@code other} to the {@code alternateDigests} array of {@code root}: the same tag as the
   * registry serves it in another manifest schema, with its own digest.
   */
  static void addAlternate(ObjectNode root, Descriptor other) {
    ArrayNode alternates =
        root.has("alternateDigests")
            ? (ArrayNode) root.get("alternateDigests")
            : root.putArray("alternateDigests");
    alternates.add(descriptor(other));
  }

  /** {@code node} as indented text. */
  static String render(ObjectNode node) {
    return node.toPrettyString();
  }

  private static ObjectNode descriptor(Descriptor d) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("digest", d.digest().toString());
    node.put("size", d.size());
    node.put("mediaType", d.mediaType().toString());
    return node;
  }
}
