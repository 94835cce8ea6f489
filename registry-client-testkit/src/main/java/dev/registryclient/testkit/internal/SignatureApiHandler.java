package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.registryclient.api.Digest;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The registry API extension for simple signing that OpenShift's registry offers and
 * containers/image reads when {@code GET /v2/} answers {@code X-Registry-Supports-Signatures: 1}:
 * {@code GET /extensions/v2/<name>/signatures/<digest>} answers {@code {"signatures":[{
 * "schemaVersion":2,"name":"<digest>@<id>","type":"atomic","content":"<base64 message>"}]}}.
 */
public final class SignatureApiHandler {
  /** {@code /extensions/v2/<name>/signatures/<digest>}; group 1 the name, group 2 the digest. */
  public static final Pattern PATH = Pattern.compile("/extensions/v2/(.+)/signatures/([^/]+)");

  /** The header of {@code GET /v2/} that announces the extension. */
  public static final String SUPPORTS_SIGNATURES = "X-Registry-Supports-Signatures";

  private final SignatureStore store;
  private final MetadataStore metadata;

  /** Serves the signatures in {@code store} of the manifests in {@code metadata}. */
  public SignatureApiHandler(SignatureStore store, MetadataStore metadata) {
    this.store = store;
    this.metadata = metadata;
  }

  /** Answers a request for {@code repository}'s signatures of {@code reference}. */
  public void handle(HttpExchange ex, String repository, String reference) throws IOException {
    if (!ex.getRequestMethod().equals("GET")) {
      Exchanges.error(ex, ErrorCode.UNSUPPORTED, "the test registry only serves signatures");
      return;
    }
    if (!Digest.isValid(reference)) {
      Exchanges.error(ex, ErrorCode.DIGEST_INVALID, "not a digest: " + reference);
      return;
    }
    Digest digest = Digest.parse(reference);
    if (metadata.manifest(repository, digest).isEmpty()) {
      Exchanges.error(ex, ErrorCode.MANIFEST_UNKNOWN, repository + "@" + digest);
      return;
    }
    List<byte[]> messages = store.of(repository, digest);
    List<Map<String, Object>> signatures =
        messages.stream()
            .map(
                message ->
                    Json.object(
                        "schemaVersion",
                        2L,
                        "name",
                        // OpenShift names a signature "<digest>@<32 hex digits>"
                        digest + "@" + Digest.sha256(message).hex().substring(0, 32),
                        "type",
                        "atomic",
                        "content",
                        Base64.getEncoder().encodeToString(message)))
            .toList();
    Exchanges.json(ex, 200, Json.object("signatures", signatures));
  }
}
