package dev.registryclient.examples.cli;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.client.PushSource;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.oci.layout.OciLayoutReader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code DIR[:TAG]} argument of {@code push}: an OCI image layout and one of its images.
 * Without {@code :TAG} the layout's only tag is meant (or its only entry, when a pull by digest
 * left it untagged); anything else is ambiguous and named as such.
 *
 * @param dir the layout directory
 * @param tag the tag asked for, if any
 */
record LayoutImage(Path dir, Optional<String> tag) {

  /**
   * Splits {@code DIR[:TAG]} at its last colon when what follows is no path; a directory whose own
   * name holds a colon is taken whole.
   *
   * @throws IllegalArgumentException if it names no possible path, or ends with a colon
   */
  static LayoutImage parse(String value) {
    try {
      int colon = value.lastIndexOf(':');
      if (colon > 0 && !Files.isDirectory(Path.of(value))) {
        String tag = value.substring(colon + 1);
        if (tag.isEmpty()) {
          throw new IllegalArgumentException("empty tag after ':' in " + value);
        }
        if (!tag.contains("/") && !tag.contains("\\")) {
          return new LayoutImage(Path.of(value.substring(0, colon)), Optional.of(tag));
        }
      }
      return new LayoutImage(Path.of(value), Optional.empty());
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("not a path: " + e.getMessage(), e);
    }
  }

  /**
   * The image to push. Checks first that {@code dir} is a layout, since opening one for writing
   * would create it.
   *
   * @throws IllegalArgumentException if {@code dir} is no layout, or the tag is missing or not in
   *     it; the message lists the tags there are
   */
  PushSource open() {
    if (!Files.isRegularFile(dir.resolve("oci-layout"))) {
      throw new IllegalArgumentException(dir + " is not an OCI image layout (no oci-layout file)");
    }
    OciLayoutReader reader = OciLayoutReader.open(dir);
    List<String> tags = reader.tags().stream().distinct().toList();
    if (tag.isPresent()) {
      if (!tags.contains(tag.get())) {
        throw new IllegalArgumentException(
            "no image tagged " + tag.get() + " in " + dir + " (" + listed(tags) + ")");
      }
      return OciLayout.at(dir).image(tag.get());
    }
    if (tags.size() == 1) {
      return OciLayout.at(dir).image(tags.get(0));
    }
    List<Descriptor> entries = reader.manifests();
    if (tags.isEmpty() && entries.size() == 1) {
      Descriptor only = entries.get(0);
      return PushSource.of(
          OciLayout.at(dir).blobs(), Descriptor.of(only.mediaType(), only.digest(), only.size()));
    }
    throw new IllegalArgumentException(
        dir + " holds " + entries.size() + " images: name one as DIR:TAG (" + listed(tags) + ")");
  }

  private static String listed(List<String> tags) {
    return tags.isEmpty() ? "it has no tags" : "tags: " + String.join(", ", tags);
  }
}
