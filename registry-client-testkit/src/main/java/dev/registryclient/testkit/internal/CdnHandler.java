package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.registryclient.api.Digest;
import dev.registryclient.testkit.RecordedRequest.Origin;
import java.io.IOException;

/**
 * The CDN origin blob GETs are redirected to. Like S3/CloudFront behind a signed URL, it answers
 * 400 to any request that carries an {@code Authorization} header (a client leaking registry
 * credentials), 403 to a missing, wrong or expired signature, and serves {@code /sha256/<hex>} with
 * {@code Range} support otherwise. The signed {@code repository} parameter {@link BlobHandler} adds
 * is not needed to serve the blob; it tells faults and the journal which repository's blob it is.
 */
public final class CdnHandler implements HttpHandler {
  /** Path prefix of CDN blob URLs; the digest's hex follows. */
  public static final String PREFIX = "/sha256/";

  private final SignedUrlGate gate;
  private final DiskBlobStore blobs;
  private final BlobResponder responder;

  /** A CDN serving {@code blobs} for URLs signed by {@code signer}. */
  public CdnHandler(
      UrlSigner signer, RegistryClock clock, DiskBlobStore blobs, BlobResponder responder) {
    this.gate = new SignedUrlGate(signer, clock);
    this.blobs = blobs;
    this.responder = responder;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    if (!gate.refusesRequest(ex) && !gate.refusesSignature(ex, path)) {
      serve(ex, path);
    }
  }

  private void serve(HttpExchange ex, String path) throws IOException {
    Digest digest;
    try {
      digest = Digest.parse("sha256:" + path.substring(PREFIX.length()));
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      SignedUrlGate.text(ex, 404, "NoSuchKey");
      return;
    }
    if (!blobs.contains(digest)) {
      SignedUrlGate.text(ex, 404, "NoSuchKey");
      return;
    }
    responder.serve(ex, Origin.CDN, digest, "application/octet-stream");
  }
}
