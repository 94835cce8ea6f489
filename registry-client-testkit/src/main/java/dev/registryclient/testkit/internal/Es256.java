package dev.registryclient.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** The ES256 pieces of JWS shared by {@link JwtSigner} and {@link Schema1Signer}. */
final class Es256 {
  /** JWS encodes every part as unpadded base64url. */
  static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private Es256() {}

  /**
   * A fresh P-256 key pair.
   *
   * @param purpose what the key is for, e.g. {@code "ES256 tokens"}, for the message if the JDK
   *     lacks EC
   */
  static KeyPair newKeyPair(String purpose) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's EC provider is required for " + purpose, e);
    }
  }

  /** The base64url ES256 signature of the ASCII {@code signingInput}. */
  static String sign(PrivateKey key, String signingInput) {
    try {
      // JWS wants the raw 64-byte R||S (P1363), not the DER sequence Java signs by default
      Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
      signer.initSign(key);
      signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return B64URL.encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ES256 signing failed", e);
    }
  }
}
