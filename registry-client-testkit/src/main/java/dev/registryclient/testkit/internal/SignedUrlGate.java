package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What a CDN origin behind signed URLs refuses, answered the way S3/CloudFront answer it: 405 to
 * anything but GET and HEAD, 400 to a request carrying {@code Authorization} (a client leaking
 * registry credentials), 403 to a missing, wrong or expired signature. Shared by {@link CdnHandler}
 * and {@link FrontCdnHandler} so both CDNs refuse alike.
 */
final class SignedUrlGate {
  private final UrlSigner signer;
  private final RegistryClock clock;

  SignedUrlGate(UrlSigner signer, RegistryClock clock) {
    this.signer = signer;
    this.clock = clock;
  }

  /** Answers 405 or 400 and returns true if the method or the headers are refused. */
  boolean refusesRequest(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      text(ex, 405, "MethodNotAllowed");
      return true;
    }
    if (ex.getRequestHeaders().containsKey("Authorization")) {
      text(
          ex,
          400,
          "InvalidArgument: Only one auth mechanism allowed; the signed URL already is one");
      return true;
    }
    return false;
  }

  /** Answers 403 and returns true unless {@code path} and the query carry a valid signature. */
  boolean refusesSignature(HttpExchange ex, String path) throws IOException {
    switch (signer.verify(path, Exchanges.query(ex), clock.now())) {
      case BAD_SIGNATURE -> text(ex, 403, "AccessDenied: signature does not match");
      case EXPIRED -> text(ex, 403, "AccessDenied: Request has expired");
      case VALID -> {
        return false;
      }
    }
    return true;
  }

  /** A plain-text answer, as object stores send their errors. */
  static void text(HttpExchange ex, int status, String message) throws IOException {
    Exchanges.bytes(ex, status, "text/plain", (message + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
