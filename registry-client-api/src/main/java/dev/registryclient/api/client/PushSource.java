package dev.registryclient.api.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.store.BlobStore;
import java.util.Objects;

/**
 * An image held locally, to push: a {@link BlobStore} holding its manifests and blobs, and the
 * descriptor of its top manifest (an image manifest or an index). An OCI image layout gives one per
 * tag ({@code OciLayout.at(dir).image("1.0")}).
 *
 * <pre>{@code
 * client.push(PushSource.of(store, manifestDescriptor), ImageReference.parse("mirror.local/app:1.0"))
 *     .allPlatforms()
 *     .execute();
 * }</pre>
 */
public interface PushSource {

  /**
   * Where the manifests and blobs are.
   *
   * @return the store holding the image
   */
  BlobStore blobs();

  /**
   * The top manifest to push: media type, digest and size.
   *
   * @return the top manifest's descriptor
   */
  Descriptor manifest();

  /**
   * A source of the image {@code manifest} names in {@code store}.
   *
   * @param store the store holding the manifests and blobs
   * @param manifest the descriptor of the top manifest in {@code store}
   * @return the push source
   */
  static PushSource of(BlobStore store, Descriptor manifest) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(manifest, "manifest");
    return new PushSource() {
      @Override
      public BlobStore blobs() {
        return store;
      }

      @Override
      public Descriptor manifest() {
        return manifest;
      }

      @Override
      public String toString() {
        return store + "@" + manifest.digest();
      }
    };
  }
}
