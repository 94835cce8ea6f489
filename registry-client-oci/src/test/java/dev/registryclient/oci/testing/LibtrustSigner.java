package dev.registryclient.oci.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * Produces libtrust-style "pretty" signed schema 1 manifests with JDK keys, written from the format
 * description: the payload minus its last "\n}" is kept, a signatures array is appended.
 */
public final class LibtrustSigner {
  private LibtrustSigner() {}

  private static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * {@code payload} (3-space indented JSON ending in "\n}") signed by {@code key} with {@code alg}.
   */
  public static byte[] sign(String payload, KeyPair key, String alg)
      throws GeneralSecurityException {
    byte[] bytes = payload.getBytes(UTF_8);
    int formatLength = bytes.length - 2;
    String tail = b64(Arrays.copyOfRange(bytes, formatLength, bytes.length));
    String protectedHeader =
        b64(
            ("{\"formatLength\":"
                    + formatLength
                    + ",\"formatTail\":\""
                    + tail
                    + "\",\"time\":\"2016-04-18T20:54:42Z\"}")
                .getBytes(UTF_8));
    Signature signer = Signature.getInstance(jcaName(alg));
    signer.initSign(key.getPrivate());
    signer.update((protectedHeader + "." + b64(bytes)).getBytes(UTF_8));
    String signature = b64(signer.sign());
    String block =
        ",\n   \"signatures\": [\n      {\n         \"header\": {\n            \"jwk\": "
            + jwk(key)
            + ",\n            \"alg\": \""
            + alg
            + "\"\n         },\n         \"signature\": \""
            + signature
            + "\",\n         \"protected\": \""
            + protectedHeader
            + "\"\n      }\n   ]\n}";
    return (new String(bytes, 0, formatLength, UTF_8) + block).getBytes(UTF_8);
  }

  private static String jcaName(String alg) {
    return switch (alg) {
      case "ES256" -> "SHA256withECDSAinP1363Format";
      case "ES384" -> "SHA384withECDSAinP1363Format";
      case "ES512" -> "SHA512withECDSAinP1363Format";
      case "RS256" -> "SHA256withRSA";
      default -> throw new IllegalArgumentException(alg);
    };
  }

  private static String jwk(KeyPair key) {
    if (key.getPublic() instanceof ECPublicKey ec) {
      int size = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
      String crv =
          switch (size) {
            case 32 -> "P-256";
            case 48 -> "P-384";
            default -> "P-521";
          };
      return "{\"crv\": \""
          + crv
          + "\", \"kid\": \"TEST:KEY\", \"kty\": \"EC\", \"x\": \""
          + b64(fixed(ec.getW().getAffineX(), size))
          + "\", \"y\": \""
          + b64(fixed(ec.getW().getAffineY(), size))
          + "\"}";
    }
    RSAPublicKey rsa = (RSAPublicKey) key.getPublic();
    return "{\"kty\": \"RSA\", \"kid\": \"TEST:RSA\", \"n\": \""
        + b64(unsigned(rsa.getModulus()))
        + "\", \"e\": \""
        + b64(unsigned(rsa.getPublicExponent()))
        + "\"}";
  }

  private static byte[] fixed(BigInteger v, int size) {
    byte[] u = unsigned(v);
    byte[] out = new byte[size];
    System.arraycopy(u, 0, out, size - u.length, u.length);
    return out;
  }

  private static byte[] unsigned(BigInteger v) {
    byte[] b = v.toByteArray();
    return b[0] == 0 && b.length > 1 ? Arrays.copyOfRange(b, 1, b.length) : b;
  }
}
