package dev.registryclient.core.trust;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * Verifies a sigstore (cosign) signature made with a key: the base64 value of the {@code
 * dev.cosignproject.cosign/signature} annotation of a {@code .sig} image's layer, over that layer's
 * bytes (the payload). As containers/image does, the payload is hashed with SHA-256 whatever the
 * key: ECDSA signatures are ASN.1 DER ({@code SHA256withECDSA}, also on P-384 and P-521), RSA ones
 * PKCS#1 v1.5 ({@code SHA256withRSA}), Ed25519 ones pure Ed25519 over the payload. The first key
 * that verifies is the signer.
 *
 * <p>Keyless signatures (Fulcio certificate, Rekor bundle) are not supported: a signature needs one
 * of the configured keys.
 */
final class CosignVerifier {
  /** A 16384-bit RSA signature is 2 KiB of binary; anything much larger is not a signature. */
  static final int MAX_BASE64_SIGNATURE_CHARS = 64 * 1024;

  private CosignVerifier() {}

  /**
   * Verifies the signature and returns the fingerprint of the key that made it.
   *
   * @throws Rejection when the signature is malformed or no key verifies it
   */
  static String verify(byte[] payload, String base64Signature, SigstorePublicKeys keys)
      throws Rejection {
    if (payload.length > SimpleSigningPayload.MAX_PAYLOAD_BYTES) {
      throw new Rejection(
          "a payload of " + payload.length + " bytes is larger than 4 MiB; refused");
    }
    if (base64Signature.length() > MAX_BASE64_SIGNATURE_CHARS) {
      throw new Rejection(
          "a signature annotation of " + base64Signature.length() + " characters; refused");
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(base64Signature);
    } catch (IllegalArgumentException e) {
      throw new Rejection("the signature annotation is not base64: " + e.getMessage());
    }
    for (SigstorePublicKeys.Key key : keys.keys()) {
      if (verifies(key, payload, signature)) {
        return key.fingerprint();
      }
    }
    throw new Rejection(
        keys.keys().size() == 1
            ? "the signature does not verify with the trusted key "
                + keys.keys().get(0).fingerprint()
                + ": the payload or the signature was altered, or another key signed it"
            : "the signature verifies with none of the "
                + keys.keys().size()
                + " trusted keys: the payload or the signature was altered, or another key"
                + " signed it");
  }

  private static boolean verifies(SigstorePublicKeys.Key key, byte[] payload, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(algorithm(key));
      verifier.initVerify(key.publicKey());
      verifier.update(payload);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      // Malformed DER, a signature of the wrong length: not a signature by this key.
      return false;
    }
  }

  private static String algorithm(SigstorePublicKeys.Key key) {
    if (key.publicKey() instanceof ECPublicKey) {
      return "SHA256withECDSA";
    }
    if (key.publicKey() instanceof RSAPublicKey) {
      return "SHA256withRSA";
    }
    return "Ed25519";
  }
}
