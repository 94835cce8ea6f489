package dev.registryclient.oci.trust;

import dev.registryclient.api.Digest;
import dev.registryclient.api.trust.KeySource;
import java.util.List;
import java.util.Optional;

/**
 * The cryptography a trust decision needs: verifying a simple-signing OpenPGP message or a sigstore
 * signature against public keys, and reading the signed payload. {@link CoreSignatureCrypto} uses
 * core's Bouncy Castle verifiers; tests may pass their own.
 */
public interface SignatureCrypto {

  /** What verifying one signature gave. */
  sealed interface Outcome {
    /**
     * The signature is good, and its payload is readable.
     *
     * @param claims what the signed payload says
     * @param signer the key that signed: an OpenPGP fingerprint, or a public key's fingerprint
     */
    record Verified(Claims claims, String signer) implements Outcome {}

    /**
     * The signature is not good, for this reason (unknown key, bad signature, expired key, a
     * payload that is not a signature claim, ...).
     *
     * @param signer the key it names, when that could be read
     */
    record Failed(String reason, Optional<String> signer) implements Outcome {}
  }

  /**
   * What a simple-signing payload claims.
   *
   * @param manifestDigest {@code critical.image.docker-manifest-digest}
   * @param dockerReference {@code critical.identity.docker-reference}
   */
  record Claims(Digest manifestDigest, String dockerReference) {}

  /**
   * Verifies an OpenPGP-signed simple-signing message with these key rings and reads its payload.
   *
   * @throws dev.registryclient.api.exception.ConfigurationException if a key cannot be read
   */
  Outcome simpleSigning(byte[] message, List<KeySource> keys);

  /**
   * Verifies a sigstore signature (base64) over {@code payload} with these public keys and reads
   * the payload.
   *
   * @throws dev.registryclient.api.exception.ConfigurationException if a key cannot be read
   */
  Outcome sigstore(byte[] payload, String base64Signature, List<KeySource> keys);
}
