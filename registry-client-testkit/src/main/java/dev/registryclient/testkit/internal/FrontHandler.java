package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry side of a CDN front: passes every pull request through to the upstream registry,
 * except blob GETs the upstream would answer with 200, which it redirects to the CDN origin with a
 * signed URL {@code /<repository>/blobs/<digest>?expires=..&signature=..}. The upstream decides
 * about access (the client's {@code Authorization} is forwarded to it), the CDN only checks the
 * signature, as with a registry behind S3 or CloudFront.
 */
public final class FrontHandler implements HttpHandler {
  /** {@code /v2/<repository>/blobs/<algorithm>:<hex>}. */
  static final Pattern BLOB = Pattern.compile("^/v2/(.+)/blobs/([a-z0-9]+:[a-zA-Z0-9=_-]+)$");

  private final URI upstream;
  private final Relay relay;
  private final Supplier<String> cdnBaseUrl;
  private final UrlSigner signer;
  private final RegistryClock clock;
  private final Duration ttl;

  /**
   * A front for {@code upstream} redirecting blobs to {@code cdnBaseUrl} with URLs for {@code ttl}.
   */
  public FrontHandler(
      URI upstream,
      Relay relay,
      Supplier<String> cdnBaseUrl,
      UrlSigner signer,
      RegistryClock clock,
      Duration ttl) {
    this.upstream = upstream;
    this.relay = relay;
    this.cdnBaseUrl = cdnBaseUrl;
    this.signer = signer;
    this.clock = clock;
    this.ttl = ttl;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      Exchanges.error(ex, ErrorCode.UNSUPPORTED, "this front only serves pulls (GET and HEAD)");
      return;
    }
    String rawPath = ex.getRequestURI().getRawPath();
    String rawQuery = ex.getRequestURI().getRawQuery();
    URI target = upstream.resolve(rawPath + (rawQuery == null ? "" : "?" + rawQuery));
    Matcher blob = BLOB.matcher(rawPath);
    if (method.equals("GET") && blob.matches() && redirectable(target, ex)) {
      String path = "/" + blob.group(1) + "/blobs/" + blob.group(2);
      ex.getResponseHeaders()
          .set(
              "Location", cdnBaseUrl.get() + path + "?" + signer.sign(path, clock.now().plus(ttl)));
      Exchanges.empty(ex, 302);
      return;
    }
    Relay.relay(relay.fetch(method, target, ex, true), ex, name -> false);
  }

  // only blobs the client may read and the upstream has go to the CDN; errors come from upstream
  private boolean redirectable(URI target, HttpExchange ex) throws IOException {
    HttpResponse<InputStream> head = relay.fetch("HEAD", target, ex, true);
    head.body().close();
    return head.statusCode() == 200 || head.statusCode() == 206;
  }
}
