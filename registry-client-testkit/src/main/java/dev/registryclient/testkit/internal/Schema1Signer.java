package dev.registryclient.testkit.internal;

import static dev.registryclient.testkit.internal.Es256.B64URL;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Signs Docker schema 1 manifests the way libtrust's "pretty JWS" does (ES256 on P-256):
 *
 * <ol>
 *   <li>the payload is the manifest as Go's {@code MarshalIndent} with a 3-space indent prints it;
 *   <li>{@code formatLength} is the offset just past the last non-space character before the
 *       closing brace, {@code formatTail} (base64url) is what follows it ({@code "\n}"});
 *   <li>the protected header is base64url of {@code {"formatLength","formatTail","time"}};
 *   <li>the signature is ES256 (raw R||S, 64 bytes) over {@code protected + "." +
 *       base64url(payload)}, and the header carries the public key as a JWK with libtrust's key id;
 *   <li>the signed document is {@code payload[0:formatLength]}, then {@code ,\n "signatures":
 *       [...]} indented the same way, then {@code \n}}.
 * </ol>
 *
 * So the manifest digest, sha256 of the payload, equals sha256 of the signed document with the
 * signatures block cut out and {@code formatTail} put back, which is what {@link ManifestFacts}
 * computes when a signed manifest is pushed.
 */
public final class Schema1Signer {
  private static final String INDENT = "   ";

  private final KeyPair keys;

  /** A signer with a fresh P-256 key. */
  public Schema1Signer() {
    this.keys = Es256.newKeyPair("schema 1 signing");
  }

  /** The payload bytes (unsigned manifest) for {@code manifest}. */
  public static byte[] payload(Map<String, Object> manifest) {
    return Json.pretty(manifest, "", INDENT).getBytes(StandardCharsets.UTF_8);
  }

  /** The signed manifest for {@code payload} (as {@link #payload} made it). */
  public byte[] sign(byte[] payload) {
    int close = lastNonSpace(payload, payload.length);
    int formatLength = lastNonSpace(payload, close) + 1;
    if (close < 0
        || formatLength <= 0
        || payload[close] != '}'
        || payload[formatLength - 1] == ',') {
      throw new IllegalArgumentException("schema 1 payload must be a JSON object");
    }
    byte[] tail = Arrays.copyOfRange(payload, formatLength, payload.length);
    Map<String, Object> header =
        Json.object(
            "formatLength", (long) formatLength,
            "formatTail", B64URL.encodeToString(tail),
            "time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    String protectedHeader = B64URL.encodeToString(Json.bytes(header));
    String signingInput = protectedHeader + "." + B64URL.encodeToString(payload);
    Map<String, Object> signature =
        Json.object(
            "header", Json.object("jwk", jwk(), "alg", "ES256"),
            "signature", Es256.sign(keys.getPrivate(), signingInput),
            "protected", protectedHeader);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(payload, 0, formatLength);
    String signatures = Json.pretty(List.of(signature), INDENT, INDENT);
    out.writeBytes(
        (",\n" + INDENT + "\"signatures\": " + signatures + "\n}")
            .getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** The public key as libtrust writes it in {@code header.jwk}. */
  public Map<String, Object> jwk() {
    ECPublicKey pub = (ECPublicKey) keys.getPublic();
    return Json.object(
        "crv", "P-256",
        "kid", keyId(pub.getEncoded()),
        "kty", "EC",
        "x", B64URL.encodeToString(unsigned32(pub.getW().getAffineX())),
        "y", B64URL.encodeToString(unsigned32(pub.getW().getAffineY())));
  }

  /** libtrust's key id of a DER SubjectPublicKeyInfo (see {@link LibtrustKeyId}). */
  static String keyId(byte[] spki) {
    return LibtrustKeyId.of(spki);
  }

  private static byte[] unsigned32(BigInteger n) {
    byte[] raw = n.toByteArray();
    byte[] out = new byte[32];
    int copy = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
    return out;
  }

  private static int lastNonSpace(byte[] b, int end) {
    for (int i = end - 1; i >= 0; i--) {
      if (b[i] != ' ' && b[i] != '\n' && b[i] != '\r' && b[i] != '\t') {
        return i;
      }
    }
    return -1;
  }
}
