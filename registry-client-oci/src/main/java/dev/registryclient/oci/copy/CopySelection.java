package dev.registryclient.oci.copy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.Platform;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.oci.internal.Json;
import dev.registryclient.oci.manifest.ManifestCodec;
import dev.registryclient.oci.platform.PlatformMatcher;
import dev.registryclient.oci.pull.ImageBlobs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a copy writes: the manifest the target reference will name, the child manifests written
 * before it (by digest), and the blobs they all need. Only a subset of an index's platforms makes a
 * new document (the index without the other entries); everything else keeps its bytes.
 *
 * @param top the manifest the target reference names
 * @param children manifests written first, by digest (an index's images)
 * @param sourceTop the manifest chosen at the source (differs from {@code top} only when rewritten)
 * @param blobs every blob of every image, once, with its size (-1 when unknown)
 */
public record CopySelection(
    Manifest top, List<Manifest> children, Descriptor sourceTop, Map<Digest, Long> blobs) {

  /** Which images of an index a copy takes. */
  public sealed interface Platforms {
    /** Every image (and attestation) of an index, the index unchanged. */
    record All() implements Platforms {}

    /** The image of one platform, named by the target reference itself. */
    record One(Platform platform) implements Platforms {}

    /** The images of these platforms (and their attestations) under a rewritten index. */
    record Some(Set<Platform> platforms) implements Platforms {}
  }

  /** Decides what to copy from {@code source} (fetching child manifests as needed). */
  public static CopySelection of(
      CopySource source, Platforms platforms, ManifestCodec codec, ErrorContext context) {
    Manifest top = source.top();
    if (!(top instanceof ImageIndex index)) {
      return new CopySelection(top, List.of(), descriptor(top), blobsOf(List.of(top)));
    }
    if (platforms instanceof Platforms.One one) {
      Descriptor chosen = PlatformMatcher.select(index, one.platform(), context);
      Manifest image = image(source, chosen, context);
      return new CopySelection(image, List.of(), descriptor(image), blobsOf(List.of(image)));
    }
    List<Descriptor> wanted = new ArrayList<>();
    if (platforms instanceof Platforms.Some some) {
      for (Platform p : some.platforms()) {
        Descriptor chosen = PlatformMatcher.select(index, p, context); // throws naming what exists
        if (!wanted.contains(chosen)) {
          wanted.add(chosen);
        }
      }
      for (Descriptor image : List.copyOf(wanted)) {
        index.attestationsFor(image.digest()).forEach(wanted::add);
      }
    } else {
      wanted.addAll(index.manifests());
    }
    List<Manifest> children = new ArrayList<>();
    for (Descriptor child : wanted) {
      children.add(image(source, child, context));
    }
    Manifest written =
        wanted.size() == index.manifests().size() ? index : rewrite(index, wanted, codec, context);
    return new CopySelection(written, children, descriptor(index), blobsOf(children));
  }

  private static Manifest image(CopySource source, Descriptor child, ErrorContext context) {
    Manifest manifest = source.manifest(child);
    if (manifest instanceof ImageIndex) {
      throw new InvalidContentException(
          context,
          "index entry " + child.digest() + " is itself an index; nested indexes are not copied");
    }
    return manifest;
  }

  /** The index with only {@code kept} in {@code manifests}; every other member as it was. */
  private static Manifest rewrite(
      ImageIndex index, List<Descriptor> kept, ManifestCodec codec, ErrorContext context) {
    Set<String> digests = new LinkedHashSet<>();
    kept.forEach(d -> digests.add(d.digest().toString()));
    try {
      ObjectNode document = (ObjectNode) Json.mapper().readTree(index.raw());
      ArrayNode filtered = Json.mapper().createArrayNode();
      for (JsonNode entry : document.path("manifests")) {
        if (digests.contains(entry.path("digest").asText())) {
          filtered.add(entry);
        }
      }
      document.set("manifests", filtered);
      byte[] bytes = Json.mapper().writeValueAsBytes(document);
      return codec.decode(bytes, Optional.of(index.mediaType().toString()), context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<Digest, Long> blobsOf(List<Manifest> manifests) {
    return ImageBlobs.of(manifests);
  }

  private static Descriptor descriptor(Manifest m) {
    return Descriptor.of(m.mediaType(), m.digest(), m.raw().length);
  }
}
