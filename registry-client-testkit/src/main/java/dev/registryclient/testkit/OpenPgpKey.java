package dev.registryclient.testkit;

import dev.registryclient.testkit.internal.OpenPgpArmor;
import dev.registryclient.testkit.internal.OpenPgpPackets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A throwaway OpenPGP key (RSA, v4) that signs like {@code gpg --sign} and exports its public key
 * like {@code gpg --export}, made with the JDK alone: no gpg, no keyring, no passphrase. For
 * testing simple signing ({@code signedBy} in {@code containers-policy.json}) and tools that verify
 * it; the private key never leaves the object.
 *
 * <pre>{@code
 * OpenPgpKey key = OpenPgpKey.generate();
 * Path keyFile = key.writePublicKey(tmp.resolve("key.asc"));   // for "keyPath" in policy.json
 * String keyData = Base64.getEncoder().encodeToString(key.publicKey()); // for "keyData"
 * byte[] message = key.sign("hello".getBytes(UTF_8));          // what gpg --sign writes
 * key.fingerprint();                                           // "3F2A…" (40 hex digits)
 * }</pre>
 *
 * <p>Signatures are OpenPGP messages of a One-Pass Signature, a Literal Data and a v4 Signature
 * packet (binary document, SHA-256, RSA PKCS#1 v1.5), uncompressed; the public key is a Public-Key
 * packet, a User ID packet and a positive self-certification with key flags certify and sign.
 */
public final class OpenPgpKey {
  /** The user id of {@link #generate()}. */
  public static final String DEFAULT_USER_ID =
      "registry-client test kit <testkit@registry-client.invalid>";

  private final KeyPair keys;
  private final String userId;
  private final Instant created;
  private final byte[] publicKeyBody;
  private final byte[] fingerprint;
  private final byte[] transferablePublicKey;

  private OpenPgpKey(KeyPair keys, String userId, Instant created) {
    this.keys = keys;
    this.userId = userId;
    this.created = created;
    this.publicKeyBody = OpenPgpPackets.publicKeyBody((RSAPublicKey) keys.getPublic(), created);
    this.fingerprint = OpenPgpPackets.fingerprint(publicKeyBody);
    this.transferablePublicKey =
        OpenPgpPackets.transferablePublicKey(publicKeyBody, userId, keys.getPrivate(), created);
  }

  /**
   * A fresh RSA 2048 key with user id {@link #DEFAULT_USER_ID}.
   *
   * @return a new key
   */
  public static OpenPgpKey generate() {
    return generate(DEFAULT_USER_ID, 2048);
  }

  /**
   * A fresh RSA key of {@code rsaBits} (2048, 3072 or 4096) with {@code userId}, e.g. {@code "Test
   * <test@example.com>"}.
   *
   * @param userId the user id; not null or blank
   * @param rsaBits the RSA modulus size in bits: 2048, 3072 or 4096
   * @return a new key
   * @throws IllegalArgumentException for another key size or an empty user id
   */
  public static OpenPgpKey generate(String userId, int rsaBits) {
    Objects.requireNonNull(userId, "userId");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("an OpenPGP user id must not be empty");
    }
    if (rsaBits != 2048 && rsaBits != 3072 && rsaBits != 4096) {
      throw new IllegalArgumentException("RSA key size must be 2048, 3072 or 4096: " + rsaBits);
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(new RSAKeyGenParameterSpec(rsaBits, RSAKeyGenParameterSpec.F4));
      // whole seconds, as OpenPGP stores them; signatures made later are never older than the key
      return new OpenPgpKey(generator.generateKeyPair(), userId, now());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's RSA provider is required for OpenPGP keys", e);
    }
  }

  /**
   * The v4 fingerprint as gpg prints it with {@code --with-colons}: 40 upper-case hex digits.
   *
   * @return the fingerprint in hex
   */
  public String fingerprint() {
    return HexFormat.of().withUpperCase().formatHex(fingerprint);
  }

  /**
   * The key id, the fingerprint's last 16 hex digits (upper case).
   *
   * @return the 64-bit key id in hex
   */
  public String keyId() {
    return fingerprint().substring(24);
  }

  /**
   * The user id the key certifies.
   *
   * @return the user id
   */
  public String userId() {
    return userId;
  }

  /**
   * When the key was made (whole seconds).
   *
   * @return the key's creation time
   */
  public Instant created() {
    return created;
  }

  /**
   * The public key as {@code gpg --export} writes it (binary OpenPGP packets).
   *
   * @return a copy of the transferable public key's bytes
   */
  public byte[] publicKey() {
    return transferablePublicKey.clone();
  }

  /**
   * The public key as {@code gpg --export --armor} writes it.
   *
   * @return the ASCII-armored public key block
   */
  public String publicKeyArmored() {
    return OpenPgpArmor.armor("PGP PUBLIC KEY BLOCK", transferablePublicKey);
  }

  /**
   * Writes {@link #publicKeyArmored()} to {@code file} (for a policy's {@code keyPath}, or {@code
   * gpg --import}).
   *
   * @param file the file to write, replaced if it exists
   * @return {@code file}
   * @throws UncheckedIOException if the file cannot be written
   */
  public Path writePublicKey(Path file) {
    try {
      Files.writeString(file, publicKeyArmored(), StandardCharsets.US_ASCII);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the public key to " + file, e);
    }
  }

  /**
   * Signs {@code content} as {@code gpg --sign} does: an OpenPGP message holding the content and
   * its signature, made now.
   *
   * @param content the bytes to sign
   * @return the signed OpenPGP message (binary, not armored)
   */
  public byte[] sign(byte[] content) {
    return signedMessage(content, content);
  }

  /**
   * A message whose literal data is {@code carried} but whose signature is over {@code signed}:
   * well formed, and bad unless both are equal.
   */
  byte[] signedMessage(byte[] carried, byte[] signed) {
    Instant time = now();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(OpenPgpPackets.onePassSignature(OpenPgpPackets.keyId(fingerprint)));
    out.writeBytes(OpenPgpPackets.literalData(carried, time));
    out.writeBytes(
        OpenPgpPackets.documentSignature(signed, publicKeyBody, keys.getPrivate(), time));
    return out.toByteArray();
  }

  private static Instant now() {
    return Instant.ofEpochSecond(Instant.now().getEpochSecond());
  }

  @Override
  public String toString() {
    return "OpenPgpKey[" + fingerprint() + ", " + userId + "]";
  }
}
