package dev.registryclient.api.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.store.BlobStore;
import java.util.Objects;

/**
 * Where a pull puts what it fetches: a {@link BlobStore} for every blob and manifest, plus a hook
 * that records the pulled image once all of it is stored, e.g. as a tag in an OCI layout's {@code
 * index.json}.
 *
 * <pre>{@code
 * client.pull(ref).into(OciLayout.at(Path.of("out"))).execute(); // an OciLayout is a PullTarget
 * client.pull(ref).into(PullTarget.of(store)).execute();         // same as into(store)
 * }</pre>
 */
public interface PullTarget {

  /**
   * The store blobs and manifests are written to.
   *
   * @return the blob store
   */
  BlobStore blobs();

  /**
   * Called once per pull, after every blob and manifest of the image is in {@link #blobs()}.
   *
   * @param reference the reference that was pulled, e.g. {@code registry.example/app:1.0}
   * @param manifest the top manifest stored: the platform's manifest, or the index when all
   *     platforms were pulled
   */
  void pulled(ImageReference reference, Descriptor manifest);

  /**
   * A target that stores into {@code store} and records nothing else.
   *
   * @param store the store to write into
   * @return a target whose {@link #pulled} does nothing
   */
  static PullTarget of(BlobStore store) {
    Objects.requireNonNull(store, "store");
    return new PullTarget() {
      @Override
      public BlobStore blobs() {
        return store;
      }

      @Override
      public void pulled(ImageReference reference, Descriptor manifest) {
        // a bare store keeps no names
      }

      @Override
      public String toString() {
        return store.toString();
      }
    };
  }
}
