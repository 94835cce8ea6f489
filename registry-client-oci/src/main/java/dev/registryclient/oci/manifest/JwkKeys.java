package dev.registryclient.oci.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;

/** Public keys from JSON Web Keys (RFC 7517/7518) as libtrust writes them into schema 1 headers. */
final class JwkKeys {

  /** JWK curve name to the JDK's standard name. */
  private static final Map<String, String> CURVES =
      Map.of("P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1");

  /** Bounds RSA work on untrusted keys. */
  private static final int MAX_RSA_BITS = 8192;

  private JwkKeys() {}

  /**
   * The public key the JWK describes.
   *
   * @throws GeneralSecurityException if the key is malformed, of an unsupported type or curve, or
   *     an EC point not on its curve (an invalid-curve attack)
   */
  static PublicKey publicKey(JsonNode jwk) throws GeneralSecurityException {
    String kty = text(jwk, "kty");
    switch (kty) {
      case "EC":
        return ecKey(jwk);
      case "RSA":
        BigInteger n = unsigned(text(jwk, "n"));
        BigInteger e = unsigned(text(jwk, "e"));
        if (n.bitLength() > MAX_RSA_BITS) {
          throw new GeneralSecurityException("RSA key longer than " + MAX_RSA_BITS + " bits");
        }
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
      default:
        throw new GeneralSecurityException("unsupported JWK key type \"" + kty + "\"");
    }
  }

  /** The curve size in bytes of an EC JWK, as the length of each of r and s in a JWS signature. */
  static int curveBytes(String crv) {
    return switch (crv) {
      case "P-256" -> 32;
      case "P-384" -> 48;
      case "P-521" -> 66;
      default -> -1;
    };
  }

  private static PublicKey ecKey(JsonNode jwk) throws GeneralSecurityException {
    String crv = text(jwk, "crv");
    String stdName = CURVES.get(crv);
    if (stdName == null) {
      throw new GeneralSecurityException("unsupported JWK curve \"" + crv + "\"");
    }
    AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
    params.init(new ECGenParameterSpec(stdName));
    ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
    ECPoint point = new ECPoint(unsigned(text(jwk, "x")), unsigned(text(jwk, "y")));
    if (!onCurve(point, spec.getCurve())) {
      throw new GeneralSecurityException("JWK point is not on curve " + crv);
    }
    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
  }

  /** y^2 == x^3 + ax + b (mod p), with both coordinates inside the field. */
  private static boolean onCurve(ECPoint point, EllipticCurve curve) {
    BigInteger p = ((ECFieldFp) curve.getField()).getP();
    BigInteger x = point.getAffineX();
    BigInteger y = point.getAffineY();
    if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
      return false;
    }
    BigInteger left = y.multiply(y).mod(p);
    BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
    return left.equals(right);
  }

  private static String text(JsonNode jwk, String field) throws GeneralSecurityException {
    JsonNode value = jwk.get(field);
    if (value == null || !value.isTextual()) {
      throw new GeneralSecurityException("JWK has no string \"" + field + "\"");
    }
    return value.textValue();
  }

  private static BigInteger unsigned(String base64url) throws GeneralSecurityException {
    try {
      return new BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("JWK value is not base64url", e);
    }
  }
}
