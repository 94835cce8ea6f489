package dev.registryclient.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;

/**
 * The OpenPGP v4 packets (RFC 4880, kept in RFC 9580) that an RSA key needs to publish itself and
 * to sign a document the way {@code gpg --sign} does, written with the JDK's RSA alone. Packets use
 * the new header format; every signature is RSA PKCS#1 v1.5 over SHA-256.
 *
 * <p>A v4 signature hashes the signed data, then its own first bytes (version, type, algorithms and
 * the hashed subpackets), then a trailer {@code 0x04 0xFF} with the length of those bytes. The
 * JDK's {@code SHA256withRSA} hashes and pads exactly as OpenPGP wants, so it is fed that same
 * sequence.
 */
public final class OpenPgpPackets {
  /** Signature type of a binary document ({@code gpg --sign}). */
  public static final int BINARY_DOCUMENT = 0x00;

  /** Signature type of a positive certification of a user id (a key's self-signature). */
  public static final int POSITIVE_CERTIFICATION = 0x13;

  private static final int TAG_SIGNATURE = 2;
  private static final int TAG_ONE_PASS_SIGNATURE = 4;
  private static final int TAG_PUBLIC_KEY = 6;
  private static final int TAG_LITERAL_DATA = 11;
  private static final int TAG_USER_ID = 13;

  private static final int RSA = 1;
  private static final int SHA256 = 8;

  private static final int SUB_CREATION_TIME = 2;
  private static final int SUB_ISSUER_KEY_ID = 16;
  private static final int SUB_KEY_FLAGS = 27;
  private static final int SUB_ISSUER_FINGERPRINT = 33;

  private static final int KEY_FLAGS_CERTIFY_AND_SIGN = 0x01 | 0x02;

  private OpenPgpPackets() {}

  /** The body of a v4 RSA Public-Key packet: version, creation time, algorithm, n, e. */
  public static byte[] publicKeyBody(RSAPublicKey key, Instant created) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(4);
    writeTime(body, created);
    body.write(RSA);
    body.writeBytes(mpi(key.getModulus()));
    body.writeBytes(mpi(key.getPublicExponent()));
    return body.toByteArray();
  }

  /** The v4 fingerprint: SHA-1 over {@code 0x99}, the 2-byte body length and the body. */
  public static byte[] fingerprint(byte[] publicKeyBody) {
    MessageDigest sha1 = messageDigest("SHA-1");
    sha1.update(keyHashPrefix(publicKeyBody));
    return sha1.digest(publicKeyBody);
  }

  /** The key id: the low 64 bits of the v4 fingerprint. */
  public static byte[] keyId(byte[] fingerprint) {
    return Arrays.copyOfRange(fingerprint, fingerprint.length - 8, fingerprint.length);
  }

  /**
   * A transferable public key: the Public-Key packet, a User ID packet and the key's positive
   * certification of it, with key flags certify and sign, as {@code gpg --export} writes for a key
   * without subkeys.
   */
  public static byte[] transferablePublicKey(
      byte[] publicKeyBody, String userId, PrivateKey privateKey, Instant created) {
    byte[] userIdBytes = userId.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream certified = new ByteArrayOutputStream();
    certified.writeBytes(keyHashPrefix(publicKeyBody));
    certified.writeBytes(publicKeyBody);
    certified.write(0xb4);
    writeInt(certified, userIdBytes.length);
    certified.writeBytes(userIdBytes);
    byte[] selfSignature =
        signature(
            POSITIVE_CERTIFICATION,
            certified.toByteArray(),
            publicKeyBody,
            privateKey,
            created,
            subpacket(SUB_KEY_FLAGS, new byte[] {KEY_FLAGS_CERTIFY_AND_SIGN}));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(packet(TAG_PUBLIC_KEY, publicKeyBody));
    out.writeBytes(packet(TAG_USER_ID, userIdBytes));
    out.writeBytes(selfSignature);
    return out.toByteArray();
  }

  /** A One-Pass Signature packet announcing one binary-document signature by {@code keyId}. */
  public static byte[] onePassSignature(byte[] keyId) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(3);
    body.write(BINARY_DOCUMENT);
    body.write(SHA256);
    body.write(RSA);
    body.writeBytes(keyId);
    body.write(1); // no further one-pass signature follows
    return packet(TAG_ONE_PASS_SIGNATURE, body.toByteArray());
  }

  /** A Literal Data packet holding {@code content} as binary data without a file name. */
  public static byte[] literalData(byte[] content, Instant date) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write('b');
    body.write(0); // file name length
    writeTime(body, date);
    body.writeBytes(content);
    return packet(TAG_LITERAL_DATA, body.toByteArray());
  }

  /** A v4 binary-document Signature packet over {@code content}. */
  public static byte[] documentSignature(
      byte[] content, byte[] publicKeyBody, PrivateKey privateKey, Instant created) {
    return signature(BINARY_DOCUMENT, content, publicKeyBody, privateKey, created);
  }

  /**
   * A v4 Signature packet of {@code type} over {@code signed}. Hashed: creation time, issuer
   * fingerprint and {@code extraHashed}; unhashed: the issuer key id, where gpg puts it.
   */
  private static byte[] signature(
      int type,
      byte[] signed,
      byte[] publicKeyBody,
      PrivateKey privateKey,
      Instant created,
      byte[]... extraHashed) {
    byte[] fingerprint = fingerprint(publicKeyBody);
    ByteArrayOutputStream hashedSubpackets = new ByteArrayOutputStream();
    ByteArrayOutputStream time = new ByteArrayOutputStream();
    writeTime(time, created);
    hashedSubpackets.writeBytes(subpacket(SUB_CREATION_TIME, time.toByteArray()));
    byte[] versionedFingerprint = new byte[fingerprint.length + 1];
    versionedFingerprint[0] = 4;
    System.arraycopy(fingerprint, 0, versionedFingerprint, 1, fingerprint.length);
    hashedSubpackets.writeBytes(subpacket(SUB_ISSUER_FINGERPRINT, versionedFingerprint));
    for (byte[] extra : extraHashed) {
      hashedSubpackets.writeBytes(extra);
    }
    ByteArrayOutputStream hashed = new ByteArrayOutputStream();
    hashed.write(4);
    hashed.write(type);
    hashed.write(RSA);
    hashed.write(SHA256);
    writeShort(hashed, hashedSubpackets.size());
    hashed.writeBytes(hashedSubpackets.toByteArray());
    byte[] hashedPart = hashed.toByteArray();

    ByteArrayOutputStream trailer = new ByteArrayOutputStream();
    trailer.write(4);
    trailer.write(0xff);
    writeInt(trailer, hashedPart.length);

    MessageDigest sha256 = messageDigest("SHA-256");
    sha256.update(signed);
    sha256.update(hashedPart);
    byte[] digest = sha256.digest(trailer.toByteArray());
    byte[] rsaSignature = rsaSign(privateKey, signed, hashedPart, trailer.toByteArray());

    byte[] unhashed = subpacket(SUB_ISSUER_KEY_ID, keyId(fingerprint));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(hashedPart);
    writeShort(body, unhashed.length);
    body.writeBytes(unhashed);
    body.write(digest[0]); // the left 16 bits of the hash, a quick check for verifiers
    body.write(digest[1]);
    body.writeBytes(mpi(new BigInteger(1, rsaSignature)));
    return packet(TAG_SIGNATURE, body.toByteArray());
  }

  private static byte[] rsaSign(PrivateKey key, byte[]... parts) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      for (byte[] part : parts) {
        rsa.update(part);
      }
      return rsa.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK could not sign with RSA", e);
    }
  }

  /** A packet with a new-format header: tag, then a one-, two- or five-octet body length. */
  static byte[] packet(int tag, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 6);
    out.write(0xc0 | tag);
    int length = body.length;
    if (length < 192) {
      out.write(length);
    } else if (length < 8384) {
      out.write(((length - 192) >> 8) + 192);
      out.write((length - 192) & 0xff);
    } else {
      out.write(0xff);
      writeInt(out, length);
    }
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** A signature subpacket: its length (type included, all ours are short), type, data. */
  private static byte[] subpacket(int type, byte[] data) {
    byte[] out = new byte[data.length + 2];
    out[0] = (byte) (data.length + 1);
    out[1] = (byte) type;
    System.arraycopy(data, 0, out, 2, data.length);
    return out;
  }

  /** A multiprecision integer: the bit count in two octets, then the value without leading 0s. */
  static byte[] mpi(BigInteger value) {
    byte[] magnitude = value.toByteArray();
    int skip = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream(magnitude.length + 2);
    writeShort(out, value.bitLength());
    out.write(magnitude, skip, magnitude.length - skip);
    return out.toByteArray();
  }

  private static byte[] keyHashPrefix(byte[] publicKeyBody) {
    return new byte[] {
      (byte) 0x99, (byte) (publicKeyBody.length >> 8), (byte) publicKeyBody.length
    };
  }

  private static void writeTime(ByteArrayOutputStream out, Instant time) {
    writeInt(out, (int) time.getEpochSecond());
  }

  private static void writeShort(ByteArrayOutputStream out, int value) {
    out.write(value >> 8);
    out.write(value);
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    out.write(value >>> 24);
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }

  private static MessageDigest messageDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }
}
