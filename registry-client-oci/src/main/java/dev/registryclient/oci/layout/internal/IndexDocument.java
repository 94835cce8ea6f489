package dev.registryclient.oci.layout.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and edits {@code index.json} as a JSON tree, so fields this SDK does not model (platforms,
 * artifact types, index annotations, other tools' extras) survive an update.
 */
public final class IndexDocument {
  /** The media type of an OCI image index. */
  public static final String INDEX_MEDIA_TYPE = "application/vnd.oci.image.index.v1+json";

  private static final String REF_NAME = "org.opencontainers.image.ref.name";
  private static final ErrorContext CONTEXT = ErrorContext.of(Phase.STORE);

  /** The largest {@code index.json} read, in bytes. */
  public static final int MAX_INDEX_BYTES = 16 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private IndexDocument() {}

  /** An index with no manifests. */
  public static ObjectNode empty() {
    ObjectNode index = JSON.createObjectNode();
    index.put("schemaVersion", 2);
    index.put("mediaType", INDEX_MEDIA_TYPE);
    index.putArray("manifests");
    return index;
  }

  /** Parses {@code file}, or returns {@link #empty()} if it does not exist. */
  public static ObjectNode read(Path file) throws IOException {
    byte[] bytes = readBytes(file);
    JsonNode tree;
    try {
      tree = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw invalid(file, "not JSON: " + e.getOriginalMessage(), e);
    }
    if (!(tree instanceof ObjectNode index) || !tree.path("manifests").isArray()) {
      throw invalid(file, "not an image index (no \"manifests\" array)", null);
    }
    return index;
  }

  /**
   * The bytes of {@code file} as written, or those of {@link #empty()} if it does not exist.
   *
   * @throws InvalidContentException if it is larger than {@link #MAX_INDEX_BYTES}
   */
  public static byte[] readBytes(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_INDEX_BYTES + 1);
    } catch (NoSuchFileException e) {
      return toBytes(empty());
    }
    if (bytes.length > MAX_INDEX_BYTES) {
      throw invalid(file, "larger than " + MAX_INDEX_BYTES + " bytes", null);
    }
    return bytes;
  }

  /** The serialized form, pretty-printed for people who look at layouts. */
  public static byte[] toBytes(ObjectNode index) throws JsonProcessingException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(index);
  }

  /** Removes every entry tagged {@code name}; returns whether there was one. */
  public static boolean removeTag(ObjectNode index, String name) {
    ArrayNode manifests = (ArrayNode) index.get("manifests");
    boolean removed = false;
    for (int i = manifests.size() - 1; i >= 0; i--) {
      if (name.equals(manifests.get(i).path("annotations").path(REF_NAME).asText(null))) {
        manifests.remove(i);
        removed = true;
      }
    }
    return removed;
  }

  /** Whether an entry without a tag points at {@code digest}. */
  public static boolean hasUntagged(ObjectNode index, Digest digest) {
    for (JsonNode entry : index.get("manifests")) {
      if (entry.path("digest").asText("").equals(digest.toString())
          && entry.path("annotations").path(REF_NAME).isMissingNode()) {
        return true;
      }
    }
    return false;
  }

  /** Appends {@code descriptor} as a manifest entry. */
  public static void add(ObjectNode index, Descriptor descriptor) {
    DescriptorJson.write(descriptor, ((ArrayNode) index.get("manifests")).addObject());
  }

  /** The manifest entries, validated: a bad digest or size is an error naming file and value. */
  public static List<Descriptor> entries(ObjectNode index, Path file) {
    List<Descriptor> entries = new ArrayList<>();
    for (JsonNode entry : index.get("manifests")) {
      try {
        entries.add(DescriptorJson.read(entry));
      } catch (IllegalArgumentException e) {
        throw invalid(file, "invalid entry: " + e.getMessage(), e);
      }
    }
    return entries;
  }

  private static InvalidContentException invalid(Path file, String detail, Throwable cause) {
    return new InvalidContentException(CONTEXT, file + ": " + detail, cause);
  }
}
