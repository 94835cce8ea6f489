package dev.registryclient.testkit.internal;

import dev.registryclient.api.Digest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON a container image signature signs: the manifest digest and the image's identity in
 * {@code critical}, who signed and when in {@code optional}. Keys are in the order Go's {@code
 * json.Marshal} of a map writes them (sorted), as containers/image and cosign produce them.
 */
public final class SignaturePayload {
  /** {@code critical.type} of a simple signing signature (GPG, lookaside, API extension). */
  public static final String SIMPLE_SIGNING = "atomic container signature";

  /** {@code critical.type} of a sigstore signature, written by cosign and containers/image. */
  public static final String SIGSTORE = "cosign container image signature";

  private SignaturePayload() {}

  /**
   * {@code {"critical":{"identity":{"docker-reference":..},"image":{"docker-manifest-digest":..},
   * "type":..},"optional":{"creator":..,"timestamp":..}}}.
   */
  public static byte[] json(
      String type, Digest manifestDigest, String dockerReference, String creator, long timestamp) {
    Map<String, Object> critical = new LinkedHashMap<>();
    critical.put("identity", Json.object("docker-reference", dockerReference));
    critical.put("image", Json.object("docker-manifest-digest", manifestDigest.toString()));
    critical.put("type", type);
    Map<String, Object> optional = new LinkedHashMap<>();
    optional.put("creator", creator);
    optional.put("timestamp", timestamp);
    return Json.bytes(Json.object("critical", critical, "optional", optional));
  }
}
