package dev.registryclient.core.trust;

import java.time.Instant;
import java.util.List;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.api.OpenPGPCertificate.OpenPGPComponentKey;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Verifies a simple-signing signature (an OpenPGP signed message, see {@link InlineSignedMessage})
 * against an {@link OpenPgpKeyRing}, the way gpg (through gpgme) does for containers/image.
 *
 * <p>Accepted: a binary or text document signature by a key of the ring, primary key or signing
 * sub-key, made with a hash Bouncy Castle's default policy accepts (SHA-256 and stronger, not
 * SHA-1), with no unknown critical subpacket. The signer is reported as the fingerprint of the
 * primary key, as containers/image does for signatures by sub-keys.
 *
 * <p>Key state is judged now, as gpg does: a key that is expired or revoked now is refused even for
 * a signature it made while it was valid (re-sign with a valid key or extend the key's expiry), and
 * a key that is valid now (its expiry extended, say) is accepted for signatures made between its
 * creation and now. Signatures from before the key's creation or from the future are refused, as
 * are signatures whose own expiry has passed.
 */
final class SimpleSigningVerifier {
  /** The limit containers/image applies to a signature it reads. */
  static final int MAX_SIGNATURE_BYTES = 4 << 20;

  private SimpleSigningVerifier() {}

  /**
   * A verified signature.
   *
   * @param payload the signed bytes
   * @param signer the fingerprint of the signer's primary key
   */
  record Signed(byte[] payload, String signer) {}

  /**
   * Verifies a signature.
   *
   * @throws Rejection saying why it is not accepted
   */
  static Signed verify(byte[] message, OpenPgpKeyRing ring, Instant now) throws Rejection {
    if (message.length > MAX_SIGNATURE_BYTES) {
      throw new Rejection(
          "a signature of " + message.length + " bytes is larger than 4 MiB; refused");
    }
    InlineSignedMessage parsed =
        InlineSignedMessage.parse(message, SimpleSigningPayload.MAX_PAYLOAD_BYTES);
    PGPSignature signature = parsed.signature();
    String issuer = OpenPgpKeyRing.keyId(signature.getKeyID());
    requireConsistent(parsed.onePass(), signature, issuer);
    requireDocumentSignature(signature, issuer);
    synchronized (ring.lock()) {
      return verifyBy(parsed, ring, issuer, now);
    }
  }

  /** The part that reads the ring's certificates, which Bouncy Castle does not guard. */
  private static Signed verifyBy(
      InlineSignedMessage parsed, OpenPgpKeyRing ring, String issuer, Instant now)
      throws Rejection {
    PGPSignature signature = parsed.signature();
    List<OpenPGPComponentKey> candidates = ring.issuersOf(signature);
    if (candidates.isEmpty()) {
      throw new Rejection(
          signature.getKeyIdentifiers().isEmpty()
              ? "the signature names no key"
              : "signed by key " + issuer + ", which is not a trusted key",
          signature.getKeyIdentifiers().isEmpty() ? null : issuer);
    }
    OpenPGPComponentKey signer = null;
    for (OpenPGPComponentKey candidate : candidates) {
      if (isMadeBy(signature, parsed.payload(), candidate)) {
        signer = candidate;
        break;
      }
    }
    OpenPgpKeyRing.Key key = OpenPgpKeyRing.describe(candidates.get(0));
    if (signer == null) {
      throw new Rejection(
          "the signature by key "
              + key.keyId()
              + " does not verify: the payload or the signature was altered",
          key.primaryFingerprint());
    }
    key = OpenPgpKeyRing.describe(signer);
    requireUsable(signer, key, signature, now);
    return new Signed(parsed.payload(), key.primaryFingerprint());
  }

  /** gpg and Bouncy Castle hash what the one-pass header announces; it must agree. */
  private static void requireConsistent(
      PGPOnePassSignature onePass, PGPSignature signature, String issuer) throws Rejection {
    if (onePass.getKeyID() != signature.getKeyID()
        || onePass.getHashAlgorithm() != signature.getHashAlgorithm()
        || onePass.getKeyAlgorithm() != signature.getKeyAlgorithm()
        || onePass.getSignatureType() != signature.getSignatureType()) {
      throw new Rejection(
          "the one-pass header does not match the signature packet (key, hash or type)", issuer);
    }
  }

  private static void requireDocumentSignature(PGPSignature signature, String issuer)
      throws Rejection {
    int type = signature.getSignatureType();
    if (type != PGPSignature.BINARY_DOCUMENT && type != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
      throw new Rejection(
          "signature type 0x" + Integer.toHexString(type) + " is not a document signature", issuer);
    }
    if (!OpenPgpKeyRing.POLICY.hasAcceptableSignatureHashAlgorithm(signature)) {
      throw new Rejection(
          "made with hash algorithm "
              + hashName(signature.getHashAlgorithm())
              + ", which is too weak; SHA-256 or stronger is required",
          issuer);
    }
    if (!OpenPgpKeyRing.POLICY.isAcceptableSignature(signature)) {
      throw new Rejection("the signature has a critical subpacket or notation not known", issuer);
    }
  }

  private static boolean isMadeBy(PGPSignature signature, byte[] payload, OpenPGPComponentKey key) {
    try {
      signature.init(new BcPGPContentVerifierBuilderProvider(), key.getPGPPublicKey());
      signature.update(payload);
      return signature.verify();
    } catch (PGPException | RuntimeException e) {
      // An algorithm that does not match the key, a malformed MPI: not made by this key.
      return false;
    }
  }

  /** The checks gpg makes on a good signature before it calls it valid. */
  private static void requireUsable(
      OpenPGPComponentKey signer, OpenPgpKeyRing.Key key, PGPSignature signature, Instant now)
      throws Rejection {
    String fingerprint = key.primaryFingerprint();
    String name = "key " + key.keyId();
    if (!OpenPgpKeyRing.POLICY.isAcceptableVerificationKey(signer.getPGPPublicKey())) {
      throw new Rejection(
          name + " (" + key.algorithm() + ") is too weak to be trusted", fingerprint);
    }
    if (key.revoked().isPresent()) {
      throw new Rejection(name + " was revoked on " + key.revoked().get(), fingerprint);
    }
    OpenPgpKeyRing.Key primary = OpenPgpKeyRing.describe(signer.getCertificate().getPrimaryKey());
    for (OpenPgpKeyRing.Key k : List.of(primary, key)) {
      if (k.isExpiredAt(now)) {
        throw new Rejection("key " + k.keyId() + " expired on " + k.expires().get(), fingerprint);
      }
    }
    if (!OpenPgpKeyRing.isBoundAt(signer, now)) {
      throw new Rejection(
          name + " has no valid self-signature now (expired, revoked or not bound)", fingerprint);
    }
    KeyFlags flags = signer.getKeyFlags();
    if (flags != null && (flags.getFlags() & KeyFlags.SIGN_DATA) == 0) {
      throw new Rejection(name + " is not allowed to sign data (its key flags)", fingerprint);
    }
    Instant made = signature.getCreationTime().toInstant();
    if (made.isBefore(key.created())) {
      throw new Rejection(
          "the signature (" + made + ") is older than " + name + " (" + key.created() + ")",
          fingerprint);
    }
    if (made.isAfter(now)) {
      throw new Rejection(
          "the signature was made in the future (" + made + "); check the clocks", fingerprint);
    }
    PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets(); // null in v3 signatures
    long lifetime = hashed == null ? 0 : hashed.getSignatureExpirationTime();
    if (lifetime > 0 && !now.isBefore(made.plusSeconds(lifetime))) {
      throw new Rejection("the signature expired on " + made.plusSeconds(lifetime), fingerprint);
    }
  }

  private static String hashName(int algorithm) {
    try {
      return PGPUtil.getDigestName(algorithm);
    } catch (PGPException e) {
      return "#" + algorithm;
    }
  }
}
