package dev.registryclient.oci.client;

import dev.registryclient.api.ImageReference;
import dev.registryclient.api.config.Source;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.ImageRejectedException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.trust.SignatureStores;
import dev.registryclient.api.trust.TrustPolicy;
import dev.registryclient.api.trust.TrustVerdict;
import dev.registryclient.oci.manifest.ManifestFetcher;
import dev.registryclient.oci.trust.FoundSignature;
import dev.registryclient.oci.trust.SignatureCrypto;
import dev.registryclient.oci.trust.SignatureFetcher;
import dev.registryclient.oci.trust.TrustEvaluator;
import java.util.List;
import java.util.function.Function;

/**
 * Applies a trust policy to an image the client read, as containers/image does: the policy scope
 * and the identity a signature must claim come from the reference the caller named; the signatures
 * are read where the manifest was served from (a mirror's lookaside store and {@code .sig} tags,
 * configured for the mirror's name).
 */
final class ImageTrust {
  private final SignatureStores stores;
  private final TrustEvaluator evaluator;
  private final Function<Source, Registry> registries;
  private final Function<Registry, ManifestFetcher> fetchers;

  ImageTrust(
      SignatureStores stores,
      SignatureCrypto crypto,
      Function<Source, Registry> registries,
      Function<Registry, ManifestFetcher> fetchers) {
    this.stores = stores;
    this.evaluator = new TrustEvaluator(crypto);
    this.registries = registries;
    this.fetchers = fetchers;
  }

  /**
   * What {@code policy} says about {@code manifest}, which {@code served} gave for {@code named}.
   */
  TrustVerdict verdict(TrustPolicy policy, ImageReference named, Source served, Manifest manifest) {
    Registry registry = registries.apply(served);
    SignatureFetcher fetcher =
        new SignatureFetcher(
            registry.transport(), registry.endpoints(), fetchers.apply(registry), stores);
    ImageReference physical = served.reference();
    return evaluator.evaluate(
        named,
        manifest.digest(),
        policy,
        new TrustEvaluator.Signatures() {
          @Override
          public List<FoundSignature> simpleSigning() {
            return fetcher.simpleSigning(physical, manifest.digest());
          }

          @Override
          public List<FoundSignature> sigstore() {
            return fetcher.sigstore(physical, manifest.digest());
          }
        });
  }

  /** The verdict, when it accepts the image; else an {@link ImageRejectedException}. */
  TrustVerdict require(TrustPolicy policy, ImageReference named, Source served, Manifest manifest) {
    TrustVerdict verdict = verdict(policy, named, served, manifest);
    if (!verdict.accepted()) {
      throw new ImageRejectedException(
          ErrorContext.of(Phase.SIGNATURE, named.registry(), named.repository()), verdict);
    }
    return verdict;
  }
}
