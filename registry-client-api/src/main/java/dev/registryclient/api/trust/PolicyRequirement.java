package dev.registryclient.api.trust;

import java.util.List;
import java.util.Objects;

/**
 * One requirement of a {@code containers-policy.json(5)} scope; every requirement of the scope that
 * applies must be met.
 *
 * <pre>{@code
 * PolicyRequirement redHat = new PolicyRequirement.SignedBy(
 *     List.of(new KeySource.FromFile(Path.of("/etc/pki/rpm-gpg/RPM-GPG-KEY-redhat-release"))),
 *     new SignedIdentity.MatchRepoDigestOrExact());
 * }</pre>
 */
public sealed interface PolicyRequirement {

  /** Anything is accepted, signed or not ({@code insecureAcceptAnything}). */
  record InsecureAcceptAnything() implements PolicyRequirement {}

  /** Nothing is accepted ({@code reject}). */
  record Reject() implements PolicyRequirement {}

  /**
   * At least one simple-signing signature (an OpenPGP-signed "atomic container signature") by one
   * of these keys, for this manifest digest, with an identity the rule accepts ({@code signedBy},
   * {@code keyType: GPGKeys}).
   *
   * @param keys OpenPGP public key rings
   * @param identity the identity rule ({@link SignedIdentity.MatchRepoDigestOrExact} by default)
   */
  record SignedBy(List<KeySource> keys, SignedIdentity identity) implements PolicyRequirement {
    /**
     * Checks for nulls and at least one key.
     *
     * @param keys OpenPGP public key rings
     * @param identity the identity rule ({@link SignedIdentity.MatchRepoDigestOrExact} by default)
     */
    public SignedBy {
      keys = List.copyOf(keys);
      Objects.requireNonNull(identity, "identity");
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("signedBy needs a key");
      }
    }
  }

  /**
   * At least one sigstore (cosign) signature by one of these public keys, for this manifest digest,
   * with an identity the rule accepts ({@code sigstoreSigned} with {@code keyPath}, {@code
   * keyPaths}, {@code keyData} or {@code keyDatas}; Fulcio certificates, other PKI and Rekor
   * inclusion proofs are not supported).
   *
   * @param keys PEM public keys (ECDSA P-256/P-384, RSA, Ed25519)
   * @param identity the identity rule ({@link SignedIdentity.MatchRepoDigestOrExact} by default)
   */
  record SigstoreSigned(List<KeySource> keys, SignedIdentity identity)
      implements PolicyRequirement {
    /**
     * Checks for nulls and at least one key.
     *
     * @param keys PEM public keys (ECDSA P-256/P-384, RSA, Ed25519)
     * @param identity the identity rule ({@link SignedIdentity.MatchRepoDigestOrExact} by default)
     */
    public SigstoreSigned {
      keys = List.copyOf(keys);
      Objects.requireNonNull(identity, "identity");
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("sigstoreSigned needs a key");
      }
    }
  }
}
