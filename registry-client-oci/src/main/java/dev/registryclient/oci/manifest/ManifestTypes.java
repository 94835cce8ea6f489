package dev.registryclient.oci.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import java.util.Optional;

/**
 * Decides which manifest type a response holds, from its {@code Content-Type} and the document.
 *
 * <p>The header wins when it names a manifest type; generic types ({@code application/json}, {@code
 * text/plain}, {@code application/octet-stream}, none at all) fall back to the document's {@code
 * mediaType}, then to its shape ({@code schemaVersion} 1, {@code manifests}, {@code config}). A
 * header that names a manifest type other than the one the document declares is an error naming
 * both. The two schema 1 types are interchangeable (registries serve signed manifests as {@code
 * v1+json}); the document decides whether it is signed.
 */
final class ManifestTypes {
  private ManifestTypes() {}

  static MediaType resolve(Optional<String> contentType, JsonNode doc, ErrorContext context) {
    Optional<MediaType> header = contentType.flatMap(ManifestTypes::parseQuietly);
    Optional<MediaType> declared = declared(doc, context);
    MediaType fromDocument = declared.orElseGet(() -> byShape(doc, context));
    if (header.isEmpty() || isGeneric(header.get())) {
      return checkReadable(fromDocument, contentType, context);
    }
    MediaType served = header.get().withoutParameters();
    if (!served.isAnyManifest()) {
      throw new InvalidContentException(
          context,
          "unsupported manifest media type \""
              + contentType.get()
              + "\" (document declares "
              + declared.map(MediaType::toString).orElse("none")
              + ")");
    }
    if (served.isSchema1() && fromDocument.isSchema1()) {
      return fromDocument;
    }
    if (declared.isPresent()
        ? !declared.get().withoutParameters().equals(served)
        : !served.equals(fromDocument)) {
      throw new InvalidContentException(
          context,
          "Content-Type "
              + served
              + " does not match the document, which "
              + (declared.isPresent() ? "declares " : "looks like ")
              + fromDocument);
    }
    return served;
  }

  private static Optional<MediaType> declared(JsonNode doc, ErrorContext context) {
    JsonNode m = doc.get("mediaType");
    if (m == null || m.isNull()) {
      return Optional.empty();
    }
    if (!m.isTextual()) {
      throw new InvalidContentException(context, "manifest \"mediaType\" must be a string");
    }
    return Optional.of(
        parseQuietly(m.textValue())
            .orElseThrow(
                () ->
                    new InvalidContentException(
                        context, "manifest \"mediaType\" \"" + m.textValue() + "\" is invalid")));
  }

  /** Documents without {@code mediaType}: schema 1, or OCI, which allowed omitting it. */
  private static MediaType byShape(JsonNode doc, ErrorContext context) {
    JsonNode version = doc.get("schemaVersion");
    int schemaVersion = version != null && version.isInt() ? version.intValue() : -1;
    if (schemaVersion == 1) {
      JsonNode sigs = doc.get("signatures");
      return sigs != null && sigs.isArray() && !sigs.isEmpty()
          ? MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST
          : MediaType.DOCKER_SCHEMA1_MANIFEST;
    }
    if (schemaVersion == 2 && doc.has("manifests")) {
      return MediaType.OCI_INDEX;
    }
    if (schemaVersion == 2 && doc.has("config")) {
      return MediaType.OCI_MANIFEST;
    }
    throw new InvalidContentException(
        context,
        "cannot tell the manifest type: no Content-Type, no \"mediaType\", schemaVersion "
            + (version == null ? "missing" : version.toString()));
  }

  private static MediaType checkReadable(
      MediaType type, Optional<String> contentType, ErrorContext context) {
    if (!type.withoutParameters().isAnyManifest()) {
      throw new InvalidContentException(
          context,
          "unsupported manifest media type "
              + type
              + " (Content-Type "
              + contentType.orElse("absent")
              + ")");
    }
    return type.withoutParameters();
  }

  private static boolean isGeneric(MediaType type) {
    MediaType t = type.withoutParameters();
    return t.equals(MediaType.JSON)
        || t.equals(MediaType.OCTET_STREAM)
        || t.equals(MediaType.parse("text/plain"));
  }

  private static Optional<MediaType> parseQuietly(String value) {
    try {
      return Optional.of(MediaType.parse(value.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
