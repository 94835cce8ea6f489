package dev.registryclient.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A throwaway ECDSA P-256 key pair, the kind {@code cosign generate-key-pair} makes, for sigstore
 * signatures ({@code sigstoreSigned} in {@code containers-policy.json}). Signatures are ECDSA over
 * SHA-256 in ASN.1 DER, base64-encoded, as cosign stores them in the {@code
 * dev.cosignproject.cosign/signature} annotation.
 *
 * <pre>{@code
 * CosignKey key = CosignKey.generate();
 * Path pub = key.writePublicKey(tmp.resolve("cosign.pub"));   // "keyPath" of sigstoreSigned
 * String signature = key.sign(payload);                        // base64 DER
 * }</pre>
 */
public final class CosignKey {
  private final KeyPair keys;

  private CosignKey(KeyPair keys) {
    this.keys = keys;
  }

  /**
   * A fresh P-256 key pair.
   *
   * @return a new key pair
   * @throws IllegalStateException if the JDK has no EC provider
   */
  public static CosignKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return new CosignKey(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's EC provider is required for cosign keys", e);
    }
  }

  /**
   * The public key, for verifying in a test with the JDK.
   *
   * @return the EC public key
   */
  public PublicKey publicKey() {
    return keys.getPublic();
  }

  /**
   * The public key as {@code cosign.pub} holds it: PEM of the PKIX SubjectPublicKeyInfo.
   *
   * @return the PEM text, ending with a line break
   */
  public String publicKeyPem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /**
   * Writes {@link #publicKeyPem()} to {@code file}.
   *
   * @param file the file to write, replaced if it exists
   * @return {@code file}
   * @throws UncheckedIOException if the file cannot be written
   */
  public Path writePublicKey(Path file) {
    try {
      Files.writeString(file, publicKeyPem(), StandardCharsets.US_ASCII);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the public key to " + file, e);
    }
  }

  /**
   * The base64 of the DER ECDSA (SHA-256) signature of {@code payload}.
   *
   * @param payload the bytes to sign, e.g. a simple signing payload
   * @return the signature in base64
   */
  public String sign(byte[] payload) {
    try {
      Signature ecdsa = Signature.getInstance("SHA256withECDSA");
      ecdsa.initSign(keys.getPrivate());
      ecdsa.update(payload);
      return Base64.getEncoder().encodeToString(ecdsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK could not sign with ECDSA", e);
    }
  }

  @Override
  public String toString() {
    return "CosignKey[P-256]";
  }
}
