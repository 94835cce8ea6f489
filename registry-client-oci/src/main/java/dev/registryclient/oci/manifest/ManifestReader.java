package dev.registryclient.oci.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.ImageManifest;
import java.util.Optional;

/** Maps schema 2 documents (image manifests and indexes) onto the api model. */
final class ManifestReader {
  private final DescriptorJson json;

  ManifestReader(DescriptorJson json) {
    this.json = json;
  }

  ImageManifest image(MediaType type, byte[] bytes, JsonNode doc) {
    checkSchemaVersion(doc);
    return new ImageManifest(
        type,
        Digest.sha256(bytes),
        bytes,
        json.descriptor(doc.get("config"), "config"),
        json.descriptors(doc, "layers", true),
        json.annotations(doc, "manifest"),
        json.optionalDescriptor(doc, "subject"),
        artifactType(doc));
  }

  ImageIndex index(MediaType type, byte[] bytes, JsonNode doc) {
    checkSchemaVersion(doc);
    return new ImageIndex(
        type,
        Digest.sha256(bytes),
        bytes,
        json.descriptors(doc, "manifests", true),
        json.annotations(doc, "index"),
        json.optionalDescriptor(doc, "subject"),
        artifactType(doc));
  }

  private Optional<MediaType> artifactType(JsonNode doc) {
    return json.optionalText(doc, "artifactType", "manifest")
        .map(t -> json.mediaType(t, "artifactType"));
  }

  private void checkSchemaVersion(JsonNode doc) {
    JsonNode v = doc.get("schemaVersion");
    if (v == null || !v.isInt() || v.intValue() != 2) {
      throw json.fail("\"schemaVersion\" must be 2, got " + (v == null ? "nothing" : v.toString()));
    }
  }
}
