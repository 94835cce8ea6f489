package dev.registryclient.oci.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.manifest.HistoryEntry;
import dev.registryclient.api.manifest.ImageConfig;
import dev.registryclient.api.manifest.RunConfig;
import dev.registryclient.oci.internal.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps an image config blob (OCI or Docker) onto {@link ImageConfig}. */
final class ConfigReader {
  private ConfigReader() {}

  static ImageConfig read(byte[] bytes, MediaType mediaType, ErrorContext context) {
    JsonNode doc = Json.parse(bytes, context, "image config");
    DescriptorJson json = new DescriptorJson(context, "image config");
    if (!doc.isObject()) {
      throw json.fail("must be a JSON object");
    }
    List<Digest> diffIds = new ArrayList<>();
    JsonNode rootfs = doc.path("rootfs");
    for (String id :
        rootfs.isObject() ? json.strings(rootfs, "diff_ids", "rootfs") : List.<String>of()) {
      diffIds.add(json.digest(id, "rootfs.diff_ids[]"));
    }
    List<HistoryEntry> history = new ArrayList<>();
    JsonNode h = doc.get("history");
    if (h != null && h.isArray()) {
      for (JsonNode entry : h) {
        history.add(
            new HistoryEntry(
                instant(json.optionalText(entry, "created", "history[]")),
                json.optionalText(entry, "created_by", "history[]"),
                json.optionalText(entry, "comment", "history[]"),
                entry.path("empty_layer").asBoolean(false)));
      }
    }
    return new ImageConfig(
        mediaType,
        Digest.sha256(bytes),
        bytes,
        json.optionalText(doc, "os", "config").orElse(""),
        json.optionalText(doc, "architecture", "config").orElse(""),
        json.optionalText(doc, "variant", "config").filter(v -> !v.isEmpty()),
        json.optionalText(doc, "os.version", "config").filter(v -> !v.isEmpty()),
        instant(json.optionalText(doc, "created", "config")),
        diffIds,
        history,
        runConfig(doc.get("config"), json));
  }

  private static RunConfig runConfig(JsonNode c, DescriptorJson json) {
    if (c == null || !c.isObject()) {
      return RunConfig.EMPTY;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    JsonNode l = c.get("Labels");
    if (l != null && l.isObject()) {
      l.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    }
    return new RunConfig(
        json.strings(c, "Entrypoint", "config"),
        json.strings(c, "Cmd", "config"),
        json.strings(c, "Env", "config"),
        labels,
        json.optionalText(c, "WorkingDir", "config").filter(v -> !v.isEmpty()),
        json.optionalText(c, "User", "config").filter(v -> !v.isEmpty()));
  }

  /** A display-only field: an unreadable time is dropped rather than failing a pull. */
  private static Optional<Instant> instant(Optional<String> text) {
    try {
      return text.map(t -> OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
