package dev.registryclient.oci.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads descriptors, platforms and annotations out of manifest JSON, failing with a path. */
final class DescriptorJson {
  private final ErrorContext context;
  private final String document;

  DescriptorJson(ErrorContext context, String document) {
    this.context = context;
    this.document = document;
  }

  List<Descriptor> descriptors(JsonNode parent, String field, boolean required) {
    JsonNode array = parent.get(field);
    if (array == null || array.isNull()) {
      if (required) {
        throw fail("\"" + field + "\" is missing");
      }
      return List.of();
    }
    if (!array.isArray()) {
      throw fail("\"" + field + "\" must be an array");
    }
    List<Descriptor> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(descriptor(array.get(i), field + "[" + i + "]"));
    }
    return out;
  }

  Optional<Descriptor> optionalDescriptor(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(descriptor(node, field));
  }

  Descriptor descriptor(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw fail("\"" + path + "\" must be a descriptor object");
    }
    MediaType mediaType = mediaType(requiredText(node, "mediaType", path), path + ".mediaType");
    Digest digest = digest(requiredText(node, "digest", path), path + ".digest");
    JsonNode size = node.get("size");
    if (size == null
        || !size.canConvertToLong()
        || !size.isIntegralNumber()
        || size.longValue() < 0) {
      throw fail("\"" + path + ".size\" must be a non-negative integer");
    }
    return new Descriptor(
        mediaType,
        digest,
        size.longValue(),
        strings(node, "urls", path),
        annotations(node, path),
        platform(node.get("platform"), path + ".platform"),
        optionalText(node, "artifactType", path).map(t -> mediaType(t, path + ".artifactType")));
  }

  Map<String, String> annotations(JsonNode node, String path) {
    JsonNode a = node.get("annotations");
    if (a == null || a.isNull()) {
      return Map.of();
    }
    if (!a.isObject()) {
      throw fail("\"" + path + ".annotations\" must be an object");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : a.properties()) {
      if (!e.getValue().isTextual()) {
        throw fail("annotation \"" + e.getKey() + "\" must be a string");
      }
      out.put(e.getKey(), e.getValue().textValue());
    }
    return out;
  }

  private Optional<Platform> platform(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw fail("\"" + path + "\" must be an object");
    }
    try {
      return Optional.of(
          new Platform(
              requiredText(node, "os", path),
              requiredText(node, "architecture", path),
              optionalText(node, "variant", path).filter(v -> !v.isEmpty()),
              optionalText(node, "os.version", path).filter(v -> !v.isEmpty()),
              strings(node, "os.features", path)));
    } catch (IllegalArgumentException e) {
      throw fail("\"" + path + "\" is not a valid platform: " + e.getMessage());
    }
  }

  List<String> strings(JsonNode node, String field, String path) {
    JsonNode a = node.get(field);
    if (a == null || a.isNull()) {
      return List.of();
    }
    if (!a.isArray()) {
      throw fail("\"" + path + "." + field + "\" must be an array of strings");
    }
    List<String> out = new ArrayList<>(a.size());
    for (JsonNode s : a) {
      if (!s.isTextual()) {
        throw fail("\"" + path + "." + field + "\" must be an array of strings");
      }
      out.add(s.textValue());
    }
    return out;
  }

  String requiredText(JsonNode node, String field, String path) {
    return optionalText(node, field, path)
        .orElseThrow(() -> fail("\"" + path + "." + field + "\" is missing"));
  }

  Optional<String> optionalText(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw fail("\"" + path + "." + field + "\" must be a string");
    }
    return Optional.of(v.textValue());
  }

  MediaType mediaType(String value, String path) {
    try {
      return MediaType.parse(value);
    } catch (IllegalArgumentException e) {
      throw fail("\"" + path + "\" is not a media type: " + e.getMessage());
    }
  }

  Digest digest(String value, String path) {
    try {
      return Digest.parse(value);
    } catch (IllegalArgumentException e) {
      throw fail("\"" + path + "\" is not a digest: " + e.getMessage());
    }
  }

  InvalidContentException fail(String what) {
    return new InvalidContentException(context, document + ": " + what);
  }
}
