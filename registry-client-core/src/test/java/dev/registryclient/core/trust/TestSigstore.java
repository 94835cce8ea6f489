package dev.registryclient.core.trust;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Key pairs, PEM public keys and cosign-style signatures made with the JDK for the tests. */
final class TestSigstore {
  private TestSigstore() {}

  /** The key types cosign and KMS-backed cosign keys come in. */
  enum KeyType {
    ECDSA_P256("EC", "secp256r1", "SHA256withECDSA"),
    ECDSA_P384("EC", "secp384r1", "SHA256withECDSA"),
    ECDSA_P521("EC", "secp521r1", "SHA256withECDSA"),
    RSA_2048("RSA", "2048", "SHA256withRSA"),
    ED25519("Ed25519", null, "Ed25519");

    final String algorithm;
    final String parameter;
    final String signatureAlgorithm;

    KeyType(String algorithm, String parameter, String signatureAlgorithm) {
      this.algorithm = algorithm;
      this.parameter = parameter;
      this.signatureAlgorithm = signatureAlgorithm;
    }

    KeyPair generate() {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
          generator.initialize(new ECGenParameterSpec(parameter));
        } else if (algorithm.equals("RSA")) {
          generator.initialize(Integer.parseInt(parameter));
        }
        return generator.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The public key as {@code cosign generate-key-pair} writes {@code cosign.pub}. */
  static String pem(PublicKey key) {
    return pem("PUBLIC KEY", key.getEncoded());
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /**
   * The base64 signature cosign puts in the {@code dev.cosignproject.cosign/signature} annotation.
   */
  static String sign(KeyType type, PrivateKey key, byte[] payload) {
    return sign(type.signatureAlgorithm, key, payload);
  }

  static String sign(String algorithm, PrivateKey key, byte[] payload) {
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(payload);
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
