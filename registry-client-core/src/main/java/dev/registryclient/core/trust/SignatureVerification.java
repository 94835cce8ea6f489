package dev.registryclient.core.trust;

import java.time.Clock;
import java.util.Objects;

/**
 * Verifies image signatures: the cryptography and the payload format, not the policy. Each call
 * answers with a {@link VerificationResult} and never throws for a bad signature, however
 * malformed; keys are read beforehand ({@link OpenPgpKeyRing#load}, {@link
 * SigstorePublicKeys#load}), where a broken key file is a configuration error.
 *
 * <pre>{@code
 * SignatureVerification verification = SignatureVerification.create();
 * OpenPgpKeyRing ring = OpenPgpKeyRing.load(signedBy.keys());
 * VerificationResult result = verification.simpleSigning(signatureBytes, ring);
 * if (result instanceof VerificationResult.Verified v
 *     && v.payload().manifestDigest().equals(pulledDigest)) {
 *   // and v.payload().dockerReference() must satisfy signedBy.identity()
 * }
 * }</pre>
 *
 * <p>Supported: simple-signing signatures (OpenPGP signed messages) and sigstore signatures made
 * with a key; the package documentation lists the key types and what is refused. Not supported:
 * keyless sigstore signatures (Fulcio certificates, Rekor). Inputs are bounded: signatures and
 * payloads 4 MiB, key files 1 MiB.
 */
public final class SignatureVerification {
  private final Clock clock;

  private SignatureVerification(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Verification that judges key and signature expiry against the system clock.
   *
   * @return the verification
   */
  public static SignatureVerification create() {
    return new SignatureVerification(Clock.systemUTC());
  }

  /**
   * Verification that judges key and signature expiry against {@code clock}.
   *
   * @param clock the clock expiry is judged by
   * @return the verification
   */
  public static SignatureVerification withClock(Clock clock) {
    return new SignatureVerification(clock);
  }

  /**
   * Verifies a simple-signing signature (a lookaside {@code signature-N} file, or an entry of the
   * registry's signature API) and parses its payload.
   *
   * @param signature the binary OpenPGP signed message
   * @param keys the trusted keys
   * @return {@link VerificationResult.Verified} with the payload and the signer's primary key
   *     fingerprint, or {@link VerificationResult.Rejected} with the reason
   */
  public VerificationResult simpleSigning(byte[] signature, OpenPgpKeyRing keys) {
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(keys, "keys");
    SimpleSigningVerifier.Signed signed;
    try {
      signed = SimpleSigningVerifier.verify(signature, keys, clock.instant());
    } catch (Rejection r) {
      return r.toResult();
    }
    return parsed(signed.payload(), SimpleSigningPayload.Format.SIMPLE_SIGNING, signed.signer());
  }

  /**
   * Verifies a sigstore signature made with a key and parses its payload.
   *
   * @param payload the bytes of the signature layer of the {@code sha256-<hex>.sig} image
   * @param base64Signature the layer's {@code dev.cosignproject.cosign/signature} annotation
   * @param keys the trusted public keys
   * @return {@link VerificationResult.Verified} with the payload and the key's fingerprint, or
   *     {@link VerificationResult.Rejected} with the reason
   */
  public VerificationResult sigstore(
      byte[] payload, String base64Signature, SigstorePublicKeys keys) {
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(base64Signature, "base64Signature");
    Objects.requireNonNull(keys, "keys");
    String signer;
    try {
      signer = CosignVerifier.verify(payload, base64Signature, keys);
    } catch (Rejection r) {
      return r.toResult();
    }
    return parsed(payload, SimpleSigningPayload.Format.SIGSTORE, signer);
  }

  private static VerificationResult parsed(
      byte[] payload, SimpleSigningPayload.Format format, String signer) {
    try {
      return new VerificationResult.Verified(SimpleSigningPayload.parse(payload, format), signer);
    } catch (IllegalArgumentException e) {
      return new VerificationResult.Rejected(
          "signed by " + signer + ", but " + e.getMessage(), java.util.Optional.of(signer));
    }
  }
}
