package dev.registryclient.testkit.internal;

import java.util.Base64;

/**
 * ASCII armor (RFC 4880 section 6): a header line, an empty line, base64 in lines of 64 characters,
 * {@code =} and the base64 of the CRC-24 checksum, a footer line. gpg writes the checksum; RFC 9580
 * makes it optional, and older readers still expect it.
 */
public final class OpenPgpArmor {
  private static final int CRC24_INIT = 0xb704ce;
  private static final int CRC24_POLY = 0x1864cfb;

  private OpenPgpArmor() {}

  /** Armors {@code data} as a block of {@code type}, e.g. {@code "PGP PUBLIC KEY BLOCK"}. */
  public static String armor(String type, byte[] data) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(data);
    int crc = crc24(data);
    byte[] checksum = {(byte) (crc >> 16), (byte) (crc >> 8), (byte) crc};
    return "-----BEGIN "
        + type
        + "-----\n\n"
        + body
        + "\n="
        + Base64.getEncoder().encodeToString(checksum)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** The CRC-24 of RFC 4880 section 6.1. */
  static int crc24(byte[] data) {
    int crc = CRC24_INIT;
    for (byte b : data) {
      crc ^= (b & 0xff) << 16;
      for (int i = 0; i < 8; i++) {
        crc <<= 1;
        if ((crc & 0x1000000) != 0) {
          crc ^= CRC24_POLY;
        }
      }
    }
    return crc & 0xffffff;
  }
}
