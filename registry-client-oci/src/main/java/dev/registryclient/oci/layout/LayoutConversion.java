package dev.registryclient.oci.layout;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.DigestingInputStream;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.StoreException;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.oci.manifest.ManifestCodec;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stores the OCI form of a pulled Docker manifest (or manifest list and its Docker children) next
 * to the original in a layout's blobs, and says which descriptor index.json should name. The
 * original bytes stay, so the registry digest can still be verified against the layout.
 */
final class LayoutConversion {
  private static final ErrorContext CONTEXT = ErrorContext.of(Phase.STORE);

  private final BlobStore blobs;
  private final ManifestCodec codec = ManifestCodec.defaults();

  LayoutConversion(BlobStore blobs) {
    this.blobs = blobs;
  }

  /**
   * The descriptor to record for {@code pulled}: its converted form (with {@code pulled}'s
   * annotations and platform) for a Docker schema 2 manifest or list, {@code pulled} itself for
   * anything else, e.g. an OCI manifest or a schema 1 manifest, which stays unconverted.
   *
   * @throws StoreException if a manifest to convert is missing from the blobs or unreadable
   * @throws InvalidContentException if it is not a valid manifest or cannot be converted
   */
  Descriptor toOci(Descriptor pulled) {
    if (!OciConversion.converts(pulled.mediaType())) {
      return pulled;
    }
    Manifest manifest = read(pulled);
    // the codec decodes a Docker schema 2 media type only into one of these two
    Descriptor converted =
        manifest instanceof ImageIndex index
            ? convertIndex(index)
            : put(OciConversion.manifest((ImageManifest) manifest));
    return new Descriptor(
        converted.mediaType(),
        converted.digest(),
        converted.size(),
        pulled.urls(),
        pulled.annotations(),
        pulled.platform(),
        pulled.artifactType());
  }

  private Descriptor convertIndex(ImageIndex index) {
    Map<Digest, Descriptor> children = new LinkedHashMap<>();
    for (Descriptor entry : index.manifests()) {
      MediaType type = entry.mediaType().withoutParameters();
      if (type.equals(MediaType.DOCKER_MANIFEST) && !children.containsKey(entry.digest())) {
        Manifest child = read(entry);
        if (!(child instanceof ImageManifest image)) {
          throw new InvalidContentException(
              CONTEXT, "manifest list entry " + entry.digest() + " is not an image manifest");
        }
        children.put(entry.digest(), put(OciConversion.manifest(image)));
      }
    }
    ImageIndex oci = OciConversion.index(index, children);
    return put(oci.descriptor(), oci.raw());
  }

  private Descriptor put(ImageManifest manifest) {
    return put(manifest.descriptor(), manifest.raw());
  }

  private Descriptor put(Descriptor descriptor, byte[] raw) {
    if (blobs.exists(descriptor.digest())) {
      return descriptor;
    }
    try (BlobWriter writer = blobs.writer(descriptor.digest(), raw.length)) {
      writer.write(raw);
      writer.commit();
    }
    return descriptor;
  }

  private Manifest read(Descriptor descriptor) {
    if (!blobs.exists(descriptor.digest())) {
      throw new StoreException(
          CONTEXT,
          "cannot convert manifest " + descriptor.digest() + " to OCI: it is not in the layout");
    }
    if (descriptor.size() > codec.maxBytes()) {
      throw new InvalidContentException(
          CONTEXT,
          "manifest " + descriptor.digest() + " is larger than " + codec.maxBytes() + " bytes");
    }
    byte[] raw;
    try (InputStream in =
        new DigestingInputStream(
            blobs.open(descriptor.digest()), descriptor.digest(), descriptor.size(), CONTEXT)) {
      raw = codec.readLimited(in, CONTEXT);
    } catch (IOException e) {
      throw new StoreException(CONTEXT, "cannot read manifest " + descriptor.digest(), e);
    }
    return codec.decode(raw, Optional.of(descriptor.mediaType().toString()), CONTEXT);
  }
}
