package dev.registryclient.oci.manifest;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.core.transport.Response;
import java.util.Optional;

/** Reads what the headers of a manifest response say about it: digest, media type, size. */
final class ManifestHead {
  static final String DIGEST_HEADER = "Docker-Content-Digest";

  private ManifestHead() {}

  /**
   * The descriptor the headers of a HEAD answer describe, or empty if one of digest (for a tag),
   * manifest {@code Content-Type} or {@code Content-Length} is missing, so a GET must tell.
   */
  static Optional<Descriptor> describe(String reference, Response response, ErrorContext context) {
    Optional<Digest> digest =
        Digest.isValid(reference)
            ? Optional.of(Digest.parse(reference))
            : headerDigest(response, context);
    Optional<MediaType> type =
        response
            .header("Content-Type")
            .flatMap(ManifestHead::mediaType)
            .filter(MediaType::isAnyManifest);
    Optional<Long> size = response.header("Content-Length").flatMap(ManifestHead::parseSize);
    if (digest.isEmpty() || type.isEmpty() || size.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Descriptor.of(type.get(), digest.get(), size.get()));
  }

  /**
   * The {@code Docker-Content-Digest} header, if present.
   *
   * @throws InvalidContentException if it is present but not a valid digest
   */
  static Optional<Digest> headerDigest(Response response, ErrorContext context) {
    Optional<String> header = response.header(DIGEST_HEADER).map(String::strip);
    if (header.isEmpty() || header.get().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Digest.parse(header.get()));
    } catch (IllegalArgumentException e) {
      throw new InvalidContentException(
          context, "registry sent an invalid " + DIGEST_HEADER + ": " + e.getMessage(), e);
    }
  }

  /** The media type of a {@code Content-Type} value without parameters, empty if unreadable. */
  static Optional<MediaType> mediaType(String value) {
    try {
      return Optional.of(MediaType.parse(value).withoutParameters());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> parseSize(String value) {
    try {
      long size = Long.parseLong(value.strip());
      return size >= 0 ? Optional.of(size) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
