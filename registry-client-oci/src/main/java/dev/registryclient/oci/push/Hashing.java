package dev.registryclient.oci.push;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import java.security.MessageDigest;

/** The digest of the bytes an upload reads from its source, checked before it commits. */
final class Hashing {
  private final Digest expected;
  private final MessageDigest digest;

  Hashing(Digest expected) {
    this.expected = expected;
    this.digest = expected.algorithm().newMessageDigest();
  }

  void update(byte[] bytes, int offset, int length) {
    digest.update(bytes, offset, length);
  }

  /**
   * Fails if the {@code read} bytes are not the blob: wrong size (when known) or digest.
   *
   * @throws DigestMismatchException naming both values
   */
  void check(long read, long size, ErrorContext context) {
    if (size >= 0 && read != size) {
      throw new DigestMismatchException(
          context, "source of blob " + expected, size + " bytes", read + " bytes");
    }
    Digest actual = Digest.fromBytes(expected.algorithm(), digest.digest());
    if (!actual.equals(expected)) {
      throw new DigestMismatchException(
          context, "source of blob " + expected, expected.toString(), actual.toString());
    }
  }
}
