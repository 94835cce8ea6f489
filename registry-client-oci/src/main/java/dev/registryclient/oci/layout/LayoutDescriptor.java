package dev.registryclient.oci.layout;

import dev.registryclient.api.Digest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An entry of an OCI layout's {@code index.json}: media type, digest, size and annotations.
 *
 * <p>A layout-local stand-in until the api module's {@code Descriptor} is available here; it
 * carries only what the layout needs. Fields it does not model (platform, artifactType, ...) are
 * kept in {@code index.json} untouched when other entries change.
 *
 * <pre>{@code
 * LayoutDescriptor d = LayoutDescriptor.of(OciLayout.OCI_MANIFEST, digest, bytes.length);
 * layout.tag("v1.0", d);
 * }</pre>
 *
 * @param mediaType e.g. {@code application/vnd.oci.image.manifest.v1+json}
 * @param digest the content's digest
 * @param size the content's size in bytes
 * @param annotations string annotations, possibly empty; copied
 */
public record LayoutDescriptor(
    String mediaType, Digest digest, long size, Map<String, String> annotations) {

  /** The annotation naming a tag, as the image-spec defines it for layouts. */
  public static final String REF_NAME = "org.opencontainers.image.ref.name";

  /** Validates and copies. */
  public LayoutDescriptor {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    if (mediaType.isBlank()) {
      throw new IllegalArgumentException("mediaType must not be blank");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size + " for " + digest);
    }
    annotations = Map.copyOf(annotations);
  }

  /** A descriptor without annotations. */
  public static LayoutDescriptor of(String mediaType, Digest digest, long size) {
    return new LayoutDescriptor(mediaType, digest, size, Map.of());
  }

  /** The tag this entry carries, if any. */
  public Optional<String> refName() {
    return Optional.ofNullable(annotations.get(REF_NAME));
  }
}
