package dev.registryclient.oci.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.manifest.Schema1Manifest;
import java.util.ArrayList;
import java.util.List;

/** Maps a schema 1 payload onto the api model: {@code fsLayers} and {@code history}. */
final class Schema1Reader {
  private Schema1Reader() {}

  static Schema1Manifest read(
      MediaType mediaType,
      Digest digest,
      byte[] raw,
      JsonNode doc,
      Schema1Manifest.SignatureStatus status,
      ErrorContext context) {
    DescriptorJson json = new DescriptorJson(context, "schema 1 manifest");
    JsonNode v = doc.get("schemaVersion");
    if (v == null || !v.isInt() || v.intValue() != 1) {
      throw json.fail("\"schemaVersion\" must be 1");
    }
    List<Digest> layers = new ArrayList<>();
    for (JsonNode layer : array(doc, "fsLayers", json)) {
      layers.add(json.digest(json.requiredText(layer, "blobSum", "fsLayers[]"), "blobSum"));
    }
    List<String> history = new ArrayList<>();
    for (JsonNode entry : array(doc, "history", json)) {
      history.add(json.requiredText(entry, "v1Compatibility", "history[]"));
    }
    if (layers.size() != history.size()) {
      throw json.fail(layers.size() + " fsLayers but " + history.size() + " history entries");
    }
    return new Schema1Manifest(
        mediaType,
        digest,
        raw,
        json.optionalText(doc, "name", "manifest").orElse(""),
        json.optionalText(doc, "tag", "manifest").orElse(""),
        json.optionalText(doc, "architecture", "manifest").orElse(""),
        layers,
        history,
        status);
  }

  private static JsonNode array(JsonNode doc, String field, DescriptorJson json) {
    JsonNode a = doc.get(field);
    if (a == null || !a.isArray()) {
      throw json.fail("\"" + field + "\" must be an array");
    }
    for (JsonNode item : a) {
      if (!item.isObject()) {
        throw json.fail("\"" + field + "\" entries must be objects");
      }
    }
    return a;
  }
}
