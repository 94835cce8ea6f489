package dev.registryclient.oci.trust;

import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.trust.KeySource;
import dev.registryclient.api.trust.PolicyRequirement;
import dev.registryclient.api.trust.SignatureCheck;
import dev.registryclient.api.trust.SignedIdentity;
import dev.registryclient.api.trust.TrustPolicy;
import dev.registryclient.api.trust.TrustVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides whether a policy accepts an image manifest, the way {@code containers-policy.json(5)}
 * says: the most specific scope applies and every one of its requirements must be met; a {@code
 * signedBy} or {@code sigstoreSigned} requirement is met by one signature that verifies with one of
 * its keys, names this manifest's digest and claims an identity the rule accepts. Every signature
 * looked at is reported, with why it was or was not accepted.
 */
public final class TrustEvaluator {
  private final SignatureCrypto crypto;

  public TrustEvaluator(SignatureCrypto crypto) {
    this.crypto = crypto;
  }

  /** Where the signatures of the image come from, fetched only when a requirement needs them. */
  public interface Signatures {
    /** The simple-signing signatures (lookaside or the registry's signature API). */
    List<FoundSignature> simpleSigning();

    /** The sigstore signatures ({@code .sig} tag). */
    List<FoundSignature> sigstore();
  }

  /** The verdict of {@code policy} on {@code image} whose manifest has digest {@code manifest}. */
  public TrustVerdict evaluate(
      ImageReference image, Digest manifest, TrustPolicy policy, Signatures signatures) {
    TrustPolicy.Scoped scoped = policy.scopeFor(image);
    String scope = scoped.isDefault() ? "the default" : "scope " + scoped.scope();
    List<SignatureCheck> checks = new ArrayList<>();
    List<String> met = new ArrayList<>();
    Supplier<List<FoundSignature>> simple = memo(signatures::simpleSigning);
    Supplier<List<FoundSignature>> sigstore = memo(signatures::sigstore);
    for (PolicyRequirement requirement : scoped.requirements()) {
      Optional<String> failure;
      if (requirement instanceof PolicyRequirement.InsecureAcceptAnything) {
        failure = Optional.empty();
        met.add("insecureAcceptAnything");
      } else if (requirement instanceof PolicyRequirement.Reject) {
        failure = Optional.of("it says reject");
      } else if (requirement instanceof PolicyRequirement.SignedBy signedBy) {
        failure =
            signed(
                image, manifest, simple.get(), signedBy.keys(), signedBy.identity(), checks, true);
        failure.ifPresentOrElse(f -> {}, () -> met.add("signedBy"));
      } else if (requirement instanceof PolicyRequirement.SigstoreSigned sigstoreSigned) {
        failure =
            signed(
                image,
                manifest,
                sigstore.get(),
                sigstoreSigned.keys(),
                sigstoreSigned.identity(),
                checks,
                false);
        failure.ifPresentOrElse(f -> {}, () -> met.add("sigstoreSigned"));
      } else {
        failure = Optional.of("unsupported requirement " + requirement);
      }
      if (failure.isPresent()) {
        String reason =
            image
                + " ("
                + manifest
                + ") rejected by "
                + scope
                + " of the trust policy: "
                + failure.get();
        return new TrustVerdict(image, manifest, scoped.scope(), false, checks, reason);
      }
    }
    return new TrustVerdict(
        image,
        manifest,
        scoped.scope(),
        true,
        checks,
        image + " accepted by " + scope + " of the trust policy (" + String.join(", ", met) + ")");
  }

  /** Empty when one signature meets the requirement; else why none did. */
  private Optional<String> signed(
      ImageReference image,
      Digest manifest,
      List<FoundSignature> found,
      List<KeySource> keys,
      SignedIdentity identity,
      List<SignatureCheck> checks,
      boolean simpleSigning) {
    String kind = simpleSigning ? "signedBy" : "sigstoreSigned";
    if (found.isEmpty()) {
      return Optional.of(
          kind
              + ": no "
              + (simpleSigning ? "simple-signing" : "sigstore")
              + " signature found for "
              + manifest
              + (simpleSigning ? " (lookaside store or registry signature API)" : " (.sig tag)"));
    }
    List<String> reasons = new ArrayList<>();
    for (FoundSignature signature : found) {
      SignatureCheck check = check(image, manifest, signature, keys, identity, simpleSigning);
      checks.add(check);
      if (check.accepted()) {
        return Optional.empty();
      }
      reasons.add(signature.location() + ": " + check.reason());
    }
    return Optional.of(kind + ": no signature accepted: " + String.join("; ", reasons));
  }

  private SignatureCheck check(
      ImageReference image,
      Digest manifest,
      FoundSignature signature,
      List<KeySource> keys,
      SignedIdentity identity,
      boolean simpleSigning) {
    SignatureCrypto.Outcome outcome =
        simpleSigning
            ? crypto.simpleSigning(signature.bytes(), keys)
            : crypto.sigstore(signature.bytes(), signature.sigstoreSignature().orElse(""), keys);
    if (outcome instanceof SignatureCrypto.Outcome.Failed failed) {
      return new SignatureCheck(
          signature.location(), failed.signer(), Optional.empty(), false, failed.reason());
    }
    SignatureCrypto.Outcome.Verified verified = (SignatureCrypto.Outcome.Verified) outcome;
    Optional<String> signer = Optional.of(verified.signer());
    SignatureCrypto.Claims claims = verified.claims();
    Optional<String> claimed = Optional.of(claims.dockerReference());
    if (!claims.manifestDigest().equals(manifest)) {
      return new SignatureCheck(
          signature.location(),
          signer,
          claimed,
          false,
          "signed for another manifest: " + claims.manifestDigest());
    }
    ImageReference signedReference;
    try {
      signedReference = ImageReference.parse(claims.dockerReference());
    } catch (IllegalArgumentException e) {
      return new SignatureCheck(
          signature.location(), signer, claimed, false, "unusable identity: " + e.getMessage());
    }
    if (!identity.matches(image, signedReference)) {
      return new SignatureCheck(
          signature.location(),
          signer,
          claimed,
          false,
          "identity "
              + claims.dockerReference()
              + " does not match "
              + image
              + " ("
              + identity
              + ")");
    }
    return new SignatureCheck(
        signature.location(),
        signer,
        claimed,
        true,
        "signed by " + verified.signer() + " for " + claims.dockerReference());
  }

  private static <T> Supplier<T> memo(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
