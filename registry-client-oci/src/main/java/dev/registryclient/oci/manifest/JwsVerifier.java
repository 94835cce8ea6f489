package dev.registryclient.oci.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/**
 * Verifies one JWS signature (RFC 7515/7518) made with the key of a {@code jwk} header.
 *
 * <p>JWS ECDSA signatures are the raw concatenation r||s (IEEE P1363), not the DER sequence that
 * the JDK's plain {@code SHA256withECDSA} expects; the JDK's {@code ...inP1363Format} algorithms
 * take the raw form, so no hand-written DER conversion is needed.
 */
final class JwsVerifier {

  private JwsVerifier() {}

  /**
   * Whether {@code signature} is a valid {@code alg} signature of {@code signingInput} by the key
   * {@code jwk}. Malformed keys, unsupported algorithms and algorithm/key mismatches are {@code
   * false}, never an exception: an unverifiable signature is simply not verified.
   */
  static boolean verify(String alg, JsonNode jwk, byte[] signingInput, byte[] signature) {
    try {
      PublicKey key = JwkKeys.publicKey(jwk);
      String jca = jcaAlgorithm(alg, key, jwk);
      if (jca == null) {
        return false;
      }
      if (key instanceof ECPublicKey
          && signature.length != 2 * JwkKeys.curveBytes(jwk.path("crv").asText())) {
        return false; // r||s must each be exactly the curve size
      }
      Signature verifier = Signature.getInstance(jca);
      verifier.initVerify(key);
      verifier.update(signingInput);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The JCA name for {@code alg} if the key is of the type and size the algorithm requires. */
  private static String jcaAlgorithm(String alg, PublicKey key, JsonNode jwk) {
    if (alg == null) {
      return null;
    }
    if (key instanceof ECPublicKey) {
      String crv = jwk.path("crv").asText();
      return switch (alg) {
        case "ES256" -> crv.equals("P-256") ? "SHA256withECDSAinP1363Format" : null;
        case "ES384" -> crv.equals("P-384") ? "SHA384withECDSAinP1363Format" : null;
        case "ES512" -> crv.equals("P-521") ? "SHA512withECDSAinP1363Format" : null;
        default -> null;
      };
    }
    if (key instanceof RSAPublicKey) {
      return switch (alg) {
        case "RS256" -> "SHA256withRSA";
        case "RS384" -> "SHA384withRSA";
        case "RS512" -> "SHA512withRSA";
        default -> null;
      };
    }
    return null;
  }
}
