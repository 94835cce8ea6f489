package dev.registryclient.api.manifest;

import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.internal.Immutables;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What the values that keep the bytes they were read from ({@link ImageManifest}, {@link
 * ImageIndex}, {@link Schema1Manifest}, {@link ImageConfig}) share: checking their media type and
 * digest, copying the bytes, and the common start of their {@code toString}.
 */
final class RawBytes {
  private RawBytes() {}

  /**
   * Returns {@code mediaType} if {@code allowed} accepts it.
   *
   * @param kind what the value is, with its article, e.g. {@code "an image index"}
   * @throws IllegalArgumentException naming the media type otherwise
   */
  static MediaType requireType(MediaType mediaType, Predicate<MediaType> allowed, String kind) {
    Objects.requireNonNull(mediaType, "mediaType");
    if (!allowed.test(mediaType)) {
      throw new IllegalArgumentException(kind + " cannot have media type " + mediaType);
    }
    return mediaType;
  }

  /**
   * A copy of {@code raw}, after checking that {@code digest} is its digest.
   *
   * @param what what the bytes are, for the message, e.g. {@code "image index"}
   * @throws IllegalArgumentException if the digest does not match
   */
  static byte[] checkedCopy(String what, Digest digest, byte[] raw) {
    Objects.requireNonNull(digest, "digest");
    byte[] copy = Immutables.bytes(raw, "raw");
    checkDigest(what, digest, copy);
    return copy;
  }

  /** Throws unless {@code digest} is the digest of {@code raw}. */
  private static void checkDigest(String what, Digest digest, byte[] raw) {
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

  /**
   * {@code type[mediaType, digest, N bytes, details]}: what the value is without its bytes, which
   * may be large and are never useful in a log line.
   */
  static String summary(
      String type, MediaType mediaType, Digest digest, byte[] raw, String details) {
    return type + "[" + mediaType + ", " + digest + ", " + raw.length + " bytes, " + details + "]";
  }
}
