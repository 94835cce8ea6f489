package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import dev.registryclient.api.Digest;
import dev.registryclient.testkit.RecordedRequest.Origin;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /v2/<name>/blobs/<digest>}: HEAD and DELETE, and GET either served directly or, in CDN
 * mode, redirected (302 or 307) to a signed, expiring CDN URL, as Red Hat's registries do. The URL
 * is {@code /sha256/<hex>?repository=<name>&expires=..&signature=..}: content-addressed like an
 * object store key, with the repository as a signed parameter.
 */
public final class BlobHandler {
  private final ContentStore content;
  private final BlobResponder responder;
  private final Cdn cdn;

  /** Where and how blob GETs are redirected; null when blobs are served directly. */
  public record Cdn(
      Supplier<String> baseUrl, UrlSigner signer, RegistryClock clock, Duration ttl, int status) {}

  /** Serves blobs from {@code content}; {@code cdn} may be null. */
  public BlobHandler(ContentStore content, BlobResponder responder, Cdn cdn) {
    this.content = content;
    this.responder = responder;
    this.cdn = cdn;
  }

  /** Handles a blob request. */
  public void handle(HttpExchange ex, String repository, String reference) throws IOException {
    Optional<Digest> parsed = ManifestHandler.parseDigest(ex, reference);
    if (parsed.isEmpty()) {
      return;
    }
    Digest digest = parsed.get();
    String method = ex.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("DELETE")) {
      Exchanges.error(ex, ErrorCode.UNSUPPORTED, method + " on a blob");
    } else if (!content.metadata().hasBlob(repository, digest)
        || !content.blobs().contains(digest)) {
      Exchanges.error(ex, ErrorCode.BLOB_UNKNOWN, digest.toString());
    } else if (method.equals("DELETE")) {
      content.metadata().unlinkBlob(repository, digest);
      Exchanges.empty(ex, 202);
    } else if (method.equals("GET")
        && cdn != null
        && digest.algorithm() == Digest.Algorithm.SHA256) {
      String path = CdnHandler.PREFIX + digest.hex();
      Duration ttl = cdn.ttl();
      // the repository rides along (signed) so faults and the journal can tell whose blob it is
      String query = cdn.signer().sign(path, repository, cdn.clock().now().plus(ttl));
      String url = cdn.baseUrl().get() + path + "?" + query;
      ex.getResponseHeaders().set("Location", url);
      ex.getResponseHeaders().set("Docker-Content-Digest", digest.toString());
      Exchanges.empty(ex, cdn.status());
    } else {
      responder.serve(ex, Origin.REGISTRY, digest, "application/octet-stream");
    }
  }
}
