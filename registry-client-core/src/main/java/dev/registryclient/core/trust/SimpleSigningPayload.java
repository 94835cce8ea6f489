package dev.registryclient.core.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.Digest;
import dev.registryclient.core.internal.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a signature says about an image: the payload of a simple-signing signature ({@code "atomic
 * container signature"}, signed with OpenPGP) or of a sigstore signature ({@code "cosign container
 * image signature"}, the payload layer cosign signs).
 *
 * <pre>{@code
 * {"critical": {"type": "atomic container signature",
 *               "image": {"docker-manifest-digest": "sha256:817a12c3..."},
 *               "identity": {"docker-reference": "registry.redhat.io/ubi9/ubi:9.4"}},
 *  "optional": {"creator": "atomic 2.0.0", "timestamp": 1718000000}}
 * }</pre>
 *
 * <p>Read as strictly as containers/image reads it: {@code critical} and {@code optional} and
 * nothing else at the top, exactly {@code type}, {@code image} and {@code identity} in {@code
 * critical}, exactly one member in each of those two objects, no key twice in any object, the type
 * of the format expected; {@code optional} may hold anything, but {@code creator} must be a string
 * and {@code timestamp} an integer (seconds since the epoch). A sigstore payload may have {@code
 * "optional": null}, as cosign writes it. Stricter than containers/image in one way: a {@code null}
 * where a string belongs is refused, where Go reads it as an empty string.
 *
 * <pre>{@code
 * SimpleSigningPayload p = SimpleSigningPayload.parse(verifiedBytes);
 * p.manifestDigest();    // must equal the digest of the manifest pulled
 * p.dockerReference();   // must satisfy the policy's signedIdentity
 * }</pre>
 *
 * <p>The values are what the signer wrote; they mean something only once the signature over them
 * has been verified.
 *
 * @param format which kind of signature the payload belongs to
 * @param manifestDigest {@code critical.image.docker-manifest-digest}
 * @param dockerReference {@code critical.identity.docker-reference}, as written
 * @param creator {@code optional.creator}, if present
 * @param timestamp {@code optional.timestamp}, if present
 */
public record SimpleSigningPayload(
    Format format,
    Digest manifestDigest,
    String dockerReference,
    Optional<String> creator,
    Optional<Instant> timestamp) {

  /** The limit containers/image applies to a signature and so to its payload. */
  public static final int MAX_PAYLOAD_BYTES = 4 << 20;

  /**
   * Checks for nulls.
   *
   * @param format which kind of signature the payload belongs to
   * @param manifestDigest {@code critical.image.docker-manifest-digest}
   * @param dockerReference {@code critical.identity.docker-reference}, as written
   * @param creator {@code optional.creator}, if present
   * @param timestamp {@code optional.timestamp}, if present
   */
  public SimpleSigningPayload {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(manifestDigest, "manifestDigest");
    Objects.requireNonNull(dockerReference, "dockerReference");
    Objects.requireNonNull(creator, "creator");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** The two payload formats, told apart by {@code critical.type}. */
  public enum Format {
    /** An OpenPGP simple-signing signature (lookaside or registry signature API). */
    SIMPLE_SIGNING("atomic container signature"),
    /** A sigstore (cosign) signature stored as a {@code .sig} tag. */
    SIGSTORE("cosign container image signature");

    private final String type;

    Format(String type) {
      this.type = type;
    }

    /**
     * The value of {@code critical.type}.
     *
     * @return the type string, such as {@code atomic container signature}
     */
    public String type() {
      return type;
    }
  }

  /**
   * Parses a simple-signing payload ({@code "atomic container signature"}).
   *
   * @param payload the payload bytes, as signed
   * @return the payload's fields
   * @throws IllegalArgumentException saying which rule the payload breaks
   */
  public static SimpleSigningPayload parse(byte[] payload) {
    return parse(payload, Format.SIMPLE_SIGNING);
  }

  /**
   * Parses a payload that must be of {@code format}.
   *
   * @param payload the payload bytes, as signed
   * @param format the format the payload must have
   * @return the payload's fields
   * @throws IllegalArgumentException saying which rule the payload breaks
   */
  public static SimpleSigningPayload parse(byte[] payload, Format format) {
    Objects.requireNonNull(format, "format");
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw invalid("larger than 4 MiB (" + payload.length + " bytes)");
    }
    String text = utf8(payload);
    ObjectNode root;
    try {
      root = Json.parseObjectWithoutDuplicateKeys(text);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
    requireExactly(root, "", Set.of("critical", "optional"));
    JsonNode optional = root.get("optional");
    Optional<String> creator = Optional.empty();
    Optional<Instant> timestamp = Optional.empty();
    if (!(optional.isNull() && format == Format.SIGSTORE)) {
      ObjectNode fields = object(optional, "optional");
      if (fields.has("creator")) {
        creator = Optional.of(string(fields.get("creator"), "optional.creator"));
      }
      if (fields.has("timestamp")) {
        timestamp = Optional.of(seconds(fields.get("timestamp")));
      }
    }
    ObjectNode critical = object(root.get("critical"), "critical");
    requireExactly(critical, "critical.", Set.of("type", "image", "identity"));
    String type = string(critical.get("type"), "critical.type");
    if (!type.equals(format.type())) {
      throw invalid("critical.type is " + quote(type) + ", not " + quote(format.type()));
    }
    ObjectNode image = object(critical.get("image"), "critical.image");
    requireExactly(image, "critical.image.", Set.of("docker-manifest-digest"));
    String digest =
        string(image.get("docker-manifest-digest"), "critical.image.docker-manifest-digest");
    Digest manifestDigest;
    try {
      manifestDigest = Digest.parse(digest);
    } catch (IllegalArgumentException e) {
      throw invalid("critical.image.docker-manifest-digest: " + e.getMessage());
    }
    ObjectNode identity = object(critical.get("identity"), "critical.identity");
    requireExactly(identity, "critical.identity.", Set.of("docker-reference"));
    String reference =
        string(identity.get("docker-reference"), "critical.identity.docker-reference");
    return new SimpleSigningPayload(format, manifestDigest, reference, creator, timestamp);
  }

  private static String utf8(byte[] payload) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(payload))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid("not UTF-8 text");
    }
  }

  /** containers/image refuses unknown members of these objects, and requires all known ones. */
  private static void requireExactly(ObjectNode object, String path, Set<String> names) {
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        unknown.add(quote(path + name));
      }
    }
    if (!unknown.isEmpty()) {
      throw invalid("unknown member " + String.join(", ", unknown));
    }
    for (String name : names.stream().sorted().toList()) {
      if (!object.has(name)) {
        throw invalid(path + name + " is missing");
      }
    }
  }

  private static ObjectNode object(JsonNode node, String path) {
    if (node instanceof ObjectNode object) {
      return object;
    }
    throw invalid(path + " is " + kind(node) + ", not an object");
  }

  private static String string(JsonNode node, String path) {
    if (node.isTextual()) {
      return node.textValue();
    }
    throw invalid(path + " is " + kind(node) + ", not a string");
  }

  /** An integer number of seconds, also when written as a float (1.7e9), as Go reads it. */
  private static Instant seconds(JsonNode node) {
    long seconds;
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      seconds = node.longValue();
    } else if (node.isFloatingPointNumber()
        && node.canConvertToExactIntegral()
        && node.canConvertToLong()) {
      seconds = node.longValue();
    } else {
      throw invalid("optional.timestamp is " + kind(node) + ", not an integer number of seconds");
    }
    try {
      return Instant.ofEpochSecond(seconds);
    } catch (java.time.DateTimeException e) {
      throw invalid("optional.timestamp " + seconds + " is out of range");
    }
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case NULL -> "null";
      case BOOLEAN -> "a boolean";
      case NUMBER -> node.isIntegralNumber() ? "an integer" : "a number";
      case STRING -> "a string";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** Quotes untrusted text for a message: at most 80 characters, control characters escaped. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    int limit = Math.min(text.length(), 80);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(text.length() > limit ? "…\"" : "\"").toString();
  }

  private static IllegalArgumentException invalid(String detail) {
    return new IllegalArgumentException("signature payload: " + detail);
  }
}
