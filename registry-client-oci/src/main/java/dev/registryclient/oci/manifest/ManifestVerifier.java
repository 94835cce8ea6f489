package dev.registryclient.oci.manifest;

import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.manifest.Schema1Manifest;
import java.util.Optional;

/**
 * Decodes served manifest bytes and checks them against the digest they were promised by (the
 * reference of a by-digest fetch, or the {@code Docker-Content-Digest} of a by-tag fetch).
 *
 * <p>The bytes match when their own digest does, or, for schema 1, when the digest of the signed
 * payload does (that is the digest registries address schema 1 manifests by). Bytes whose {@code
 * Content-Type} rules out schema 1 are compared before they are parsed, so tampered content is
 * reported as a mismatch rather than as whatever parse error it happens to cause.
 */
final class ManifestVerifier {
  private final ManifestCodec codec;

  ManifestVerifier(ManifestCodec codec) {
    this.codec = codec;
  }

  /**
   * The manifest in {@code bytes}, checked against {@code expected} if present.
   *
   * @param where what promised the digest, for the message, e.g. {@code "manifest app:v1"}
   * @throws DigestMismatchException if the bytes are not what {@code expected} names
   */
  Manifest decode(
      byte[] bytes,
      Optional<String> contentType,
      Optional<Digest> expected,
      String where,
      ErrorContext context) {
    if (expected.isEmpty() || expected.get().matches(bytes)) {
      return codec.decode(bytes, contentType, context);
    }
    Digest wanted = expected.get();
    Digest computed = Digest.compute(wanted.algorithm(), bytes);
    if (!mayBeSchema1(contentType)) {
      throw new DigestMismatchException(context, where, wanted.toString(), computed.toString());
    }
    Manifest manifest;
    try {
      manifest = codec.decode(bytes, contentType, context);
    } catch (InvalidContentException unreadable) {
      // the bytes are not the document that was promised; that is the error worth reporting
      throw new DigestMismatchException(context, where, wanted.toString(), computed.toString());
    }
    if (manifest instanceof Schema1Manifest schema1 && schema1.digest().equals(wanted)) {
      return manifest;
    }
    String actual =
        manifest instanceof Schema1Manifest ? manifest.digest().toString() : computed.toString();
    throw new DigestMismatchException(context, where, wanted.toString(), actual);
  }

  /** Whether the response may hold schema 1, whose digest is not over the served bytes. */
  private static boolean mayBeSchema1(Optional<String> contentType) {
    Optional<MediaType> type = contentType.flatMap(ManifestHead::mediaType);
    return type.isEmpty() || type.get().isSchema1() || !type.get().isAnyManifest();
  }
}
