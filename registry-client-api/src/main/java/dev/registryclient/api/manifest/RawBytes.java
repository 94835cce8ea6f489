package dev.registryclient.api.manifest;

import dev.registryclient.api.Digest;

/** Checks shared by the values that keep the bytes they were read from. */
final class RawBytes {
  private RawBytes() {}

  /** Throws unless {@code digest} is the digest of {@code raw}. */
  static void checkDigest(String what, Digest digest, byte[] raw) {
    if (!digest.matches(raw)) {
      throw new IllegalArgumentException(
          what
              + " digest "
              + digest
              + " is not the digest of the "
              + raw.length
              + " bytes given (they hash to "
              + Digest.compute(digest.algorithm(), raw)
              + ")");
    }
  }
}
