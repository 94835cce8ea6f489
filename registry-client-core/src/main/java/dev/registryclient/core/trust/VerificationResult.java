package dev.registryclient.core.trust;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying one signature: {@link Verified} with the payload it vouches for, or
 * {@link Rejected} with the reason. Whether a verified payload names the right manifest digest and
 * an identity the policy accepts is for the caller to check.
 *
 * <pre>{@code
 * switch (verification.simpleSigning(signatureBytes, ring)) {
 *   case VerificationResult.Verified v -> check(v.payload().manifestDigest(), v.signer());
 *   case VerificationResult.Rejected r -> log(r.reason());
 * }
 * }</pre>
 */
public sealed interface VerificationResult {

  /**
   * The key named: a primary key fingerprint, a key id, or a sigstore key's fingerprint.
   *
   * @return the signer's key, or empty if it could not be read
   */
  Optional<String> signer();

  /**
   * The signature is good: made by a trusted key that is usable now, over this payload.
   *
   * @param payload the parsed payload
   * @param signerKey the OpenPGP primary key fingerprint, or the sigstore public key's fingerprint
   *     ({@code sha256:} of its DER form)
   */
  record Verified(SimpleSigningPayload payload, String signerKey) implements VerificationResult {
    /**
     * Checks for nulls.
     *
     * @param payload the parsed payload
     * @param signerKey the OpenPGP primary key fingerprint, or the sigstore public key's
     *     fingerprint
     */
    public Verified {
      Objects.requireNonNull(payload, "payload");
      Objects.requireNonNull(signerKey, "signerKey");
    }

    @Override
    public Optional<String> signer() {
      return Optional.of(signerKey);
    }
  }

  /**
   * The signature is not accepted.
   *
   * @param reason why, in one line: unknown key, does not verify, key expired, malformed...
   * @param signer the key the signature names or was checked with, when it could be read
   */
  record Rejected(String reason, Optional<String> signer) implements VerificationResult {
    /**
     * Checks for nulls.
     *
     * @param reason why, in one line
     * @param signer the key the signature names or was checked with, when it could be read
     */
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(signer, "signer");
    }
  }
}
