package dev.registryclient.oci.trust;

import dev.registryclient.api.trust.KeySource;
import dev.registryclient.core.trust.OpenPgpKeyRing;
import dev.registryclient.core.trust.SignatureVerification;
import dev.registryclient.core.trust.SigstorePublicKeys;
import dev.registryclient.core.trust.VerificationResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SignatureCrypto} on core's Bouncy Castle verifiers ({@link SignatureVerification}). Key
 * sources are read once per client and list of sources: a pull checking several signatures, or a
 * sync checking many images, parses each key ring once. A key file changed on disk is read again by
 * a new client.
 */
public final class CoreSignatureCrypto implements SignatureCrypto {
  private final SignatureVerification verification;
  private final Map<List<KeySource>, OpenPgpKeyRing> rings = new ConcurrentHashMap<>();
  private final Map<List<KeySource>, SigstorePublicKeys> publicKeys = new ConcurrentHashMap<>();

  /** Verification against the system clock. */
  public CoreSignatureCrypto() {
    this(SignatureVerification.create());
  }

  /** Verification with {@code verification} (e.g. on a fixed clock). */
  public CoreSignatureCrypto(SignatureVerification verification) {
    this.verification = verification;
  }

  @Override
  public Outcome simpleSigning(byte[] message, List<KeySource> keys) {
    OpenPgpKeyRing ring = rings.computeIfAbsent(List.copyOf(keys), OpenPgpKeyRing::load);
    return outcome(verification.simpleSigning(message, ring));
  }

  @Override
  public Outcome sigstore(byte[] payload, String base64Signature, List<KeySource> keys) {
    SigstorePublicKeys ring =
        publicKeys.computeIfAbsent(List.copyOf(keys), SigstorePublicKeys::load);
    return outcome(verification.sigstore(payload, base64Signature, ring));
  }

  private static Outcome outcome(VerificationResult result) {
    if (result instanceof VerificationResult.Verified verified) {
      return new Outcome.Verified(
          new Claims(verified.payload().manifestDigest(), verified.payload().dockerReference()),
          verified.signerKey());
    }
    VerificationResult.Rejected rejected = (VerificationResult.Rejected) result;
    return new Outcome.Failed(rejected.reason(), rejected.signer());
  }
}
