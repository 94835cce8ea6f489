package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CDN origin of a CDN front: checks the signed URL like {@link CdnHandler} does (400 for any
 * {@code Authorization}, 403 for a bad or expired signature) and streams the blob from the upstream
 * registry, {@code Range} included. It sends no {@code Docker-*} headers, as object stores don't,
 * so clients must verify digests themselves. The upstream must allow anonymous blob reads.
 */
public final class FrontCdnHandler implements HttpHandler {
  private static final Pattern BLOB = Pattern.compile("^/(.+)/blobs/([a-z0-9]+:[a-zA-Z0-9=_-]+)$");

  private final URI upstream;
  private final Relay relay;
  private final UrlSigner signer;
  private final RegistryClock clock;

  /** A CDN origin for blobs of {@code upstream} behind URLs signed by {@code signer}. */
  public FrontCdnHandler(URI upstream, Relay relay, UrlSigner signer, RegistryClock clock) {
    this.upstream = upstream;
    this.relay = relay;
    this.signer = signer;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    Matcher blob = BLOB.matcher(path);
    if (!method.equals("GET") && !method.equals("HEAD")) {
      text(ex, 405, "MethodNotAllowed");
    } else if (ex.getRequestHeaders().containsKey("Authorization")) {
      text(
          ex,
          400,
          "InvalidArgument: Only one auth mechanism allowed; the signed URL already is one");
    } else if (!blob.matches()) {
      text(ex, 404, "NoSuchKey");
    } else {
      switch (signer.verify(path, Exchanges.query(ex), clock.now())) {
        case BAD_SIGNATURE -> text(ex, 403, "AccessDenied: signature does not match");
        case EXPIRED -> text(ex, 403, "AccessDenied: Request has expired");
        case VALID -> {
          URI source = upstream.resolve("/v2/" + blob.group(1) + "/blobs/" + blob.group(2));
          Relay.relay(
              relay.fetch(method, source, ex, false), ex, name -> name.startsWith("docker-"));
        }
      }
    }
  }

  private static void text(HttpExchange ex, int status, String message) throws IOException {
    Exchanges.bytes(ex, status, "text/plain", (message + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
