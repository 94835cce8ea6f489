package dev.registryclient.oci.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.oci.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed payload of a Docker schema 1 manifest, its registry digest and its verified
 * signatures.
 *
 * <p>A signed schema 1 manifest is a libtrust "pretty" JWS: the manifest JSON with a {@code
 * signatures} array spliced in before the closing brace. What was signed, and what a registry
 * digests, is the manifest without that array. Every signature's {@code protected} header records
 * how to get it back: the first {@code formatLength} bytes of the document followed by the
 * base64url-decoded {@code formatTail} (normally {@code "\n}"}). So the digest of a signed schema 1
 * manifest is <em>not</em> the sha256 of the bytes served, and the same image has different schema
 * 1 and schema 2 digests.
 *
 * <p>Each signature is verified over {@code protected + "." + base64url(payload)} with the public
 * key of its {@code jwk} header (ES256/ES384/ES512, RS256/RS384/RS512). An unsigned schema 1
 * manifest is its own payload.
 *
 * <pre>{@code
 * Schema1Payload p = Schema1Payload.parse(bytes, ErrorContext.of(Phase.MANIFEST));
 * Digest registryDigest = p.digest();
 * boolean untampered = p.verified();
 * }</pre>
 */
public final class Schema1Payload {

  private final byte[] payload;
  private final Digest digest;
  private final List<Schema1Signature> signatures;

  private Schema1Payload(byte[] payload, List<Schema1Signature> signatures) {
    this.payload = payload;
    this.digest = Digest.sha256(payload);
    this.signatures = List.copyOf(signatures);
  }

  /**
   * Extracts the payload of a schema 1 manifest and verifies its signatures.
   *
   * @param manifest the exact bytes served
   * @param context where the manifest came from, for errors
   * @return the payload, its digest and its signatures
   * @throws InvalidContentException if the document is not JSON, or its signature blocks are
   *     malformed or disagree on how to rebuild the payload
   */
  public static Schema1Payload parse(byte[] manifest, ErrorContext context) {
    Objects.requireNonNull(manifest, "manifest");
    JsonNode root = Json.parse(manifest, context, "schema 1 manifest");
    if (!root.isObject()) {
      throw invalid(context, "must be a JSON object, got " + root.getNodeType());
    }
    JsonNode blocks = root.get("signatures");
    if (blocks == null || blocks.isNull() || (blocks.isArray() && blocks.isEmpty())) {
      return new Schema1Payload(manifest.clone(), List.of());
    }
    if (!blocks.isArray()) {
      throw invalid(context, "\"signatures\" must be an array");
    }
    byte[] payload = null;
    for (JsonNode block : blocks) {
      byte[] rebuilt = rebuildPayload(manifest, protectedHeader(block, context), context);
      if (payload != null && !Arrays.equals(payload, rebuilt)) {
        throw invalid(context, "signatures disagree on formatLength/formatTail");
      }
      payload = rebuilt;
    }
    // the payload must itself be a manifest: it is what gets digested and parsed
    Json.parse(payload, context, "schema 1 signed payload");
    String encodedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
    List<Schema1Signature> signatures = new ArrayList<>();
    for (JsonNode block : blocks) {
      signatures.add(verify(block, encodedPayload));
    }
    return new Schema1Payload(payload, signatures);
  }

  /**
   * The bytes that were signed and that the registry digests: the manifest without signatures.
   *
   * @return a copy of the payload bytes
   */
  public byte[] payload() {
    return payload.clone();
  }

  /**
   * The registry digest: sha256 of {@link #payload()}.
   *
   * @return the digest a registry addresses this manifest by
   */
  public Digest digest() {
    return digest;
  }

  /**
   * Every signature block, in document order; empty for an unsigned manifest.
   *
   * @return the signatures
   */
  public List<Schema1Signature> signatures() {
    return signatures;
  }

  /**
   * Whether the manifest carries at least one signature block.
   *
   * @return whether there is a signature block
   */
  public boolean signed() {
    return !signatures.isEmpty();
  }

  /**
   * Whether the manifest is signed and every one of its signatures verified.
   *
   * @return whether every signature verified; {@code false} for an unsigned manifest
   */
  public boolean verified() {
    return signed() && signatures.stream().allMatch(Schema1Signature::verified);
  }

  private static String protectedHeader(JsonNode block, ErrorContext context) {
    JsonNode value = block.get("protected");
    if (value == null || !value.isTextual()) {
      throw invalid(context, "signature block has no \"protected\" header");
    }
    return value.textValue();
  }

  private static byte[] rebuildPayload(byte[] manifest, String protectedB64, ErrorContext ctx) {
    JsonNode header = Json.parse(decode(protectedB64, ctx), ctx, "schema 1 protected header");
    JsonNode length = header.get("formatLength");
    JsonNode tail = header.get("formatTail");
    if (length == null || !length.canConvertToInt() || tail == null || !tail.isTextual()) {
      throw invalid(ctx, "protected header lacks formatLength/formatTail");
    }
    int formatLength = length.intValue();
    if (formatLength < 0 || formatLength > manifest.length) {
      throw invalid(ctx, "formatLength " + formatLength + " outside the document");
    }
    byte[] tailBytes = decode(tail.textValue(), ctx);
    byte[] payload = Arrays.copyOf(manifest, formatLength + tailBytes.length);
    System.arraycopy(tailBytes, 0, payload, formatLength, tailBytes.length);
    return payload;
  }

  private static Schema1Signature verify(JsonNode block, String encodedPayload) {
    JsonNode header = block.path("header");
    String alg = header.path("alg").asText("");
    JsonNode jwk = header.path("jwk");
    Optional<String> keyId = Optional.ofNullable(jwk.path("kid").textValue());
    String protectedB64 = block.path("protected").asText();
    byte[] signingInput = (protectedB64 + "." + encodedPayload).getBytes(StandardCharsets.US_ASCII);
    boolean ok;
    try {
      byte[] signature = Base64.getUrlDecoder().decode(block.path("signature").asText(""));
      ok = jwk.isObject() && JwsVerifier.verify(alg, jwk, signingInput, signature);
    } catch (IllegalArgumentException notBase64) {
      ok = false;
    }
    return new Schema1Signature(alg, keyId, ok);
  }

  private static byte[] decode(String base64url, ErrorContext context) {
    try {
      return Base64.getUrlDecoder().decode(base64url);
    } catch (IllegalArgumentException e) {
      throw invalid(context, "signature block value is not base64url: " + e.getMessage());
    }
  }

  private static InvalidContentException invalid(ErrorContext context, String what) {
    return new InvalidContentException(context, "invalid signed schema 1 manifest: " + what);
  }
}
