package dev.registryclient.testkit.internal;

import dev.registryclient.api.Digest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** What the registry needs to know about a manifest it stores: digest, references, subject. */
public final class ManifestFacts {
  /** Media types whose digest is over the payload without the JWS signatures. */
  public static final String SCHEMA1_SIGNED =
      "application/vnd.docker.distribution.manifest.v1+prettyjws";

  private ManifestFacts() {}

  /**
   * The manifest's digest: SHA-256 of the bytes, except for signed schema 1 manifests, where it is
   * SHA-256 of the payload the signatures cover (the document without its {@code signatures} block,
   * as libtrust's {@code formatLength}/{@code formatTail} describe it).
   */
  public static Digest digest(byte[] bytes, Map<String, Object> document) {
    Object signatures = document.get("signatures");
    if (document.get("schemaVersion") instanceof Long v
        && v == 1
        && signatures instanceof List<?> l
        && !l.isEmpty()) {
      return Digest.sha256(schema1Payload(bytes, l.get(0)));
    }
    return Digest.sha256(bytes);
  }

  private static byte[] schema1Payload(byte[] bytes, Object signature) {
    if (!(signature instanceof Map<?, ?> sig) || !(sig.get("protected") instanceof String p)) {
      throw new IllegalArgumentException("schema 1 signature without a protected header");
    }
    Map<String, Object> header = Json.parseObject(Base64.getUrlDecoder().decode(p));
    if (!(header.get("formatLength") instanceof Long length)
        || !(header.get("formatTail") instanceof String tail)
        || length < 0
        || length > bytes.length) {
      throw new IllegalArgumentException(
          "schema 1 protected header lacks a valid formatLength/formatTail");
    }
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    payload.write(bytes, 0, length.intValue());
    payload.writeBytes(Base64.getUrlDecoder().decode(tail));
    return payload.toByteArray();
  }

  /** The blobs an image manifest refers to (config and layers, or schema 1 {@code fsLayers}). */
  public static List<Digest> blobs(Map<String, Object> document) {
    List<Digest> result = new ArrayList<>();
    if (document.get("config") instanceof Map<?, ?> config) {
      result.add(Digest.parse(String.valueOf(config.get("digest"))));
    }
    for (Object layer : list(document, "layers")) {
      result.add(Digest.parse(String.valueOf(((Map<?, ?>) layer).get("digest"))));
    }
    for (Object layer : list(document, "fsLayers")) {
      result.add(Digest.parse(String.valueOf(((Map<?, ?>) layer).get("blobSum"))));
    }
    return result;
  }

  /** The manifests an index or manifest list refers to. */
  public static List<Digest> children(Map<String, Object> document) {
    List<Digest> result = new ArrayList<>();
    for (Object m : list(document, "manifests")) {
      result.add(Digest.parse(String.valueOf(((Map<?, ?>) m).get("digest"))));
    }
    return result;
  }

  /** The {@code subject} digest, or null. */
  public static Digest subject(Map<String, Object> document) {
    return document.get("subject") instanceof Map<?, ?> s
        ? Digest.parse(String.valueOf(s.get("digest")))
        : null;
  }

  /** The artifact type the referrers API reports: {@code artifactType}, else the config's type. */
  public static String artifactType(Map<String, Object> document) {
    if (document.get("artifactType") instanceof String t) {
      return t;
    }
    return document.get("config") instanceof Map<?, ?> c && c.get("mediaType") instanceof String t
        ? t
        : null;
  }

  /** Parses manifest bytes as a JSON object (UTF-8). */
  public static Map<String, Object> parse(byte[] bytes) {
    return Json.parseObject(bytes);
  }

  private static List<?> list(Map<String, Object> document, String key) {
    return document.get(key) instanceof List<?> l ? l : List.of();
  }

  /** UTF-8 text of manifest bytes, for error details. */
  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
