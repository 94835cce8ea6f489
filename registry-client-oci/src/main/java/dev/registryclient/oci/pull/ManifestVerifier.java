package dev.registryclient.oci.pull;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.trust.TrustVerdict;

/**
 * Decides, from the manifest a pull read first, whether the image may be pulled: the client's trust
 * policy checking signatures. Called before any blob or manifest is stored.
 */
@FunctionalInterface
public interface ManifestVerifier {

  /**
   * The verdict on {@code top}, the manifest {@code reference} names.
   *
   * @throws dev.registryclient.api.exception.ImageRejectedException when the image must not be
   *     pulled
   */
  TrustVerdict verify(ImageReference reference, FetchedManifest top);
}
