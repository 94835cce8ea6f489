package dev.registryclient.testkit.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;

/**
 * The key id docker's libtrust gives a public key, which distribution uses both in schema 1
 * signatures and to find the key that signed a bearer token (JWT header {@code kid}): base32 of the
 * first 240 bits of sha256 over the DER SubjectPublicKeyInfo, in twelve groups of four characters
 * joined by colons, e.g. {@code ABCD:EFGH:...}.
 */
public final class LibtrustKeyId {
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private LibtrustKeyId() {}

  /** The key id of {@code key}. */
  public static String of(PublicKey key) {
    return of(key.getEncoded());
  }

  /** The key id of a DER SubjectPublicKeyInfo. */
  public static String of(byte[] subjectPublicKeyInfo) {
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(subjectPublicKeyInfo);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
    // 30 bytes = 240 bits = exactly 48 base32 characters, no padding
    String b32 = base32(Arrays.copyOf(hash, 30));
    StringBuilder id = new StringBuilder(59);
    for (int i = 0; i < b32.length(); i += 4) {
      id.append(i == 0 ? "" : ":").append(b32, i, i + 4);
    }
    return id.toString();
  }

  private static String base32(byte[] data) {
    StringBuilder sb = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    return sb.toString();
  }
}
