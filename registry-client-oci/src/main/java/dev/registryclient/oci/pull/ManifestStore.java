package dev.registryclient.oci.pull;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.StoreException;
import dev.registryclient.api.manifest.ImageConfig;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.oci.manifest.ManifestCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Puts manifests into and reads configs from the pull's target store. */
final class ManifestStore {
  private ManifestStore() {}

  /**
   * Stores the exact bytes of {@code manifest} and returns their descriptor (for a signed schema 1
   * manifest the digest of the bytes, not the registry digest).
   */
  static Descriptor put(BlobStore store, FetchedManifest manifest, ErrorContext context) {
    Descriptor stored = manifest.storedDescriptor();
    if (store.exists(stored.digest())) {
      return stored;
    }
    try (BlobWriter writer = store.writer(stored.digest(), stored.size())) {
      writer.write(manifest.manifest().raw());
      writer.commit();
    }
    return stored;
  }

  /** Reads and parses a config that the pull stored (or found) in {@code store}. */
  static ImageConfig readConfig(
      BlobStore store, Descriptor config, ManifestCodec codec, ErrorContext context) {
    byte[] bytes;
    try (InputStream in = store.open(config.digest())) {
      bytes = codec.readLimited(in, context);
    } catch (IOException | UncheckedIOException e) {
      throw new StoreException(context, "cannot read config " + config.digest() + ": " + e, e);
    }
    return codec.decodeConfig(bytes, config.mediaType(), context);
  }
}
