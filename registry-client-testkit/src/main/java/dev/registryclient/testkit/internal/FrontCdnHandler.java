package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
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
  private final SignedUrlGate gate;

  /** A CDN origin for blobs of {@code upstream} behind URLs signed by {@code signer}. */
  public FrontCdnHandler(URI upstream, Relay relay, UrlSigner signer, RegistryClock clock) {
    this.upstream = upstream;
    this.relay = relay;
    this.gate = new SignedUrlGate(signer, clock);
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    Matcher blob = BLOB.matcher(path);
    if (gate.refusesRequest(ex)) {
      return;
    }
    if (!blob.matches()) {
      SignedUrlGate.text(ex, 404, "NoSuchKey");
    } else if (!gate.refusesSignature(ex, path)) {
      URI source = upstream.resolve("/v2/" + blob.group(1) + "/blobs/" + blob.group(2));
      Relay.relay(
          relay.fetch(ex.getRequestMethod(), source, ex, false),
          ex,
          name -> name.startsWith("docker-"));
    }
  }
}
