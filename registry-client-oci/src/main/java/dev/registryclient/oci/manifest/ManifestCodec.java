package dev.registryclient.oci.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.manifest.ImageConfig;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.manifest.Schema1Manifest;
import dev.registryclient.oci.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads manifests and image configs from the exact bytes a registry served.
 *
 * <p>The manifest type comes from the {@code Content-Type}, falling back to the document's {@code
 * mediaType} and {@code schemaVersion}; a mismatch or an unknown type is an {@link
 * InvalidContentException} naming both. The digest is always computed from the bytes (for schema 1,
 * from the signed payload: the registry's digest), never from re-serialised JSON, and the bytes are
 * kept ({@link Manifest#raw()}). Documents above the size limit (4 MiB by default, as distribution
 * and containerd use) are refused before they are parsed or even fully read.
 *
 * <pre>{@code
 * ManifestCodec codec = ManifestCodec.builder().maxBytes(8 << 20).build();
 * request.header("Accept", ManifestCodec.ACCEPT);
 * byte[] body = codec.readLimited(response.body(), ctx);
 * Manifest m = codec.decode(body, response.header("Content-Type"), ctx);
 * }</pre>
 *
 * <p>Every failure on untrusted input is an {@link InvalidContentException}; nothing else escapes.
 */
public final class ManifestCodec {

  /** The default size limit for manifests and configs: 4 MiB. */
  public static final int DEFAULT_MAX_BYTES = 4 << 20;

  /** Every manifest type this codec reads, most preferred first, for the {@code Accept} header. */
  public static final List<MediaType> READABLE_TYPES =
      List.of(
          MediaType.OCI_INDEX,
          MediaType.OCI_MANIFEST,
          MediaType.DOCKER_MANIFEST_LIST,
          MediaType.DOCKER_MANIFEST,
          MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST,
          MediaType.DOCKER_SCHEMA1_MANIFEST);

  /** {@link #READABLE_TYPES} as one {@code Accept} header value. */
  public static final String ACCEPT = accept(READABLE_TYPES);

  private static final ManifestCodec DEFAULT = builder().build();

  private final int maxBytes;

  private ManifestCodec(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * A codec with the default limit.
   *
   * @return the shared codec with the 4 MiB limit
   */
  public static ManifestCodec defaults() {
    return DEFAULT;
  }

  /**
   * A builder for a codec with another limit.
   *
   * @return a new builder, starting from the default limit
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An {@code Accept} header value listing {@code types}, e.g. to narrow what is asked for.
   *
   * @param types the media types, most preferred first
   * @return the types joined with {@code ", "}
   */
  public static String accept(List<MediaType> types) {
    return String.join(", ", types.stream().map(MediaType::toString).toList());
  }

  /**
   * The size limit in bytes.
   *
   * @return the largest document accepted, in bytes
   */
  public int maxBytes() {
    return maxBytes;
  }

  /**
   * Reads {@code in} to the end, but never more than the limit plus one byte.
   *
   * @param in the stream to read; not closed
   * @param context where the stream came from, for the error
   * @return every byte of {@code in}
   * @throws InvalidContentException if the stream holds more than {@link #maxBytes()}
   * @throws UncheckedIOException if reading fails
   */
  public byte[] readLimited(InputStream in, ErrorContext context) {
    try {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      checkSize(bytes.length, context);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The manifest in {@code bytes}.
   *
   * @param contentType the response's {@code Content-Type}, if it had one
   * @param bytes the document exactly as served
   * @param context where the bytes came from, for errors
   * @return the decoded manifest, keeping {@code bytes} as its raw form
   * @throws InvalidContentException if the bytes are too big, not JSON, of an unknown or mismatched
   *     type, or not a valid manifest of that type
   */
  public Manifest decode(byte[] bytes, Optional<String> contentType, ErrorContext context) {
    checkSize(bytes.length, context);
    JsonNode doc = Json.parse(bytes, context, "manifest");
    if (!doc.isObject()) {
      throw new InvalidContentException(context, "manifest must be a JSON object");
    }
    MediaType type = ManifestTypes.resolve(contentType, doc, context);
    if (type.isSchema1()) {
      return schema1(bytes, context);
    }
    ManifestReader reader = new ManifestReader(new DescriptorJson(context, "manifest"));
    return type.isIndex() ? reader.index(type, bytes, doc) : reader.image(type, bytes, doc);
  }

  /**
   * The image config in {@code bytes}, served for a config descriptor of {@code mediaType}.
   *
   * @param bytes the config exactly as served
   * @param mediaType the media type its descriptor gives
   * @param context where the bytes came from, for errors
   * @return the decoded config
   * @throws InvalidContentException if the bytes are too big, not JSON or not a config
   */
  public ImageConfig decodeConfig(byte[] bytes, MediaType mediaType, ErrorContext context) {
    checkSize(bytes.length, context);
    return ConfigReader.read(bytes, mediaType, context);
  }

  private Schema1Manifest schema1(byte[] bytes, ErrorContext context) {
    Schema1Payload payload = Schema1Payload.parse(bytes, context);
    Schema1Manifest.SignatureStatus status =
        !payload.signed()
            ? Schema1Manifest.SignatureStatus.UNSIGNED
            : payload.verified()
                ? Schema1Manifest.SignatureStatus.VERIFIED
                : Schema1Manifest.SignatureStatus.INVALID;
    MediaType mediaType =
        payload.signed()
            ? MediaType.DOCKER_SCHEMA1_SIGNED_MANIFEST
            : MediaType.DOCKER_SCHEMA1_MANIFEST;
    // the model is read from the signed payload, so unsigned extra fields cannot sneak in
    JsonNode doc = Json.parse(payload.payload(), context, "schema 1 manifest");
    return Schema1Reader.read(mediaType, payload.digest(), bytes, doc, status, context);
  }

  private void checkSize(long size, ErrorContext context) {
    if (size > maxBytes) {
      throw new InvalidContentException(
          context, "document larger than the " + maxBytes + " byte limit (" + size + "+ bytes)");
    }
  }

  /**
   * Computes the digest a registry addresses {@code bytes} by, for any manifest type.
   *
   * @param bytes the manifest exactly as served
   * @param mediaType the manifest's media type
   * @param context where the bytes came from, for errors
   * @return the SHA-256 of {@code bytes}, or for schema 1 the digest of the signed payload
   * @throws InvalidContentException if a schema 1 manifest cannot be parsed
   */
  public static Digest digestOf(byte[] bytes, MediaType mediaType, ErrorContext context) {
    return mediaType.isSchema1()
        ? Schema1Payload.parse(bytes, context).digest()
        : Digest.sha256(bytes);
  }

  /** Configures a {@link ManifestCodec}. */
  public static final class Builder {
    private int maxBytes = DEFAULT_MAX_BYTES;

    private Builder() {}

    /**
     * The largest manifest or config accepted, in bytes; default 4 MiB.
     *
     * @param maxBytes the limit in bytes, 1 to {@code 2^31-2}
     * @return this builder
     * @throws IllegalArgumentException if {@code maxBytes} is out of range
     */
    public Builder maxBytes(int maxBytes) {
      if (maxBytes < 1 || maxBytes == Integer.MAX_VALUE) {
        throw new IllegalArgumentException("maxBytes must be in 1..2^31-2, got " + maxBytes);
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /**
     * The configured codec.
     *
     * @return a codec with this builder's limit
     */
    public ManifestCodec build() {
      return new ManifestCodec(maxBytes);
    }
  }
}
