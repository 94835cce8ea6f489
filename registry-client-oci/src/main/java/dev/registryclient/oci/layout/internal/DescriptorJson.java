package dev.registryclient.oci.layout.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts a {@link Descriptor} to and from its image-spec JSON form, for {@code index.json}
 * entries and the manifests the layout writes itself. Reading is lenient about fields it does not
 * know and strict about the ones it models.
 */
public final class DescriptorJson {
  private DescriptorJson() {}

  /** Writes {@code descriptor} into the empty object {@code entry}; annotations sorted by key. */
  public static void write(Descriptor descriptor, ObjectNode entry) {
    entry.put("mediaType", descriptor.mediaType().toString());
    entry.put("digest", descriptor.digest().toString());
    entry.put("size", descriptor.size());
    if (!descriptor.urls().isEmpty()) {
      descriptor.urls().forEach(entry.putArray("urls")::add);
    }
    if (!descriptor.annotations().isEmpty()) {
      ObjectNode annotations = entry.putObject("annotations");
      descriptor.annotations().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(a -> annotations.put(a.getKey(), a.getValue()));
    }
    descriptor.platform().ifPresent(p -> writePlatform(p, entry.putObject("platform")));
    descriptor.artifactType().ifPresent(t -> entry.put("artifactType", t.toString()));
  }

  private static void writePlatform(Platform platform, ObjectNode node) {
    node.put("architecture", platform.architecture());
    node.put("os", platform.os());
    platform.osVersion().ifPresent(v -> node.put("os.version", v));
    if (!platform.osFeatures().isEmpty()) {
      platform.osFeatures().forEach(node.putArray("os.features")::add);
    }
    platform.variant().ifPresent(v -> node.put("variant", v));
  }

  /**
   * Reads one entry.
   *
   * @throws IllegalArgumentException naming the offending value if a modelled field is invalid
   */
  static Descriptor read(JsonNode entry) {
    String digest = entry.path("digest").asText("");
    JsonNode size = entry.path("size");
    if (!size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0) {
      throw new IllegalArgumentException("entry " + digest + " has an invalid size: " + size);
    }
    return new Descriptor(
        MediaType.parse(entry.path("mediaType").asText("")),
        Digest.parse(digest),
        size.asLong(),
        strings(entry.path("urls")),
        annotations(entry.path("annotations")),
        entry.has("platform") ? Optional.of(platform(entry.get("platform"))) : Optional.empty(),
        entry.hasNonNull("artifactType")
            ? Optional.of(MediaType.parse(entry.get("artifactType").asText()))
            : Optional.empty());
  }

  private static Platform platform(JsonNode node) {
    JsonNode variant = node.path("variant");
    JsonNode osVersion = node.path("os.version");
    return new Platform(
        node.path("os").asText(""),
        node.path("architecture").asText(""),
        variant.isTextual() ? Optional.of(variant.asText()) : Optional.empty(),
        osVersion.isTextual() ? Optional.of(osVersion.asText()) : Optional.empty(),
        strings(node.path("os.features")));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Map<String, String> annotations(JsonNode node) {
    Map<String, String> annotations = new LinkedHashMap<>();
    node.properties().forEach(a -> annotations.put(a.getKey(), a.getValue().asText()));
    return annotations;
  }
}
