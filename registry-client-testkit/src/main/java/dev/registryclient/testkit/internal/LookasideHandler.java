package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.registryclient.api.Digest;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lookaside signature server like Red Hat's: {@code GET <prefix>/<repo>@sha256=<hex>/signature-N}
 * answers the N-th signature of the image with 200, and 404 past the last one, which tells a reader
 * to stop. No authentication: lookaside servers are public.
 */
public final class LookasideHandler implements HttpHandler {
  private static final Pattern SIGNATURE =
      Pattern.compile("/(.+)@([a-z0-9]+)=([a-f0-9]+)/signature-([1-9][0-9]{0,5})");

  private final String prefix;
  private final SignatureStore store;

  /** Serves {@code store} under {@code prefix}, e.g. {@code /signatures}. */
  public LookasideHandler(String prefix, SignatureStore store) {
    this.prefix = prefix;
    this.store = store;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      Exchanges.bytes(ex, 405, "text/plain", "read only\n".getBytes());
      return;
    }
    String path = ex.getRequestURI().getPath();
    Matcher m = path.startsWith(prefix) ? SIGNATURE.matcher(path.substring(prefix.length())) : null;
    if (m == null || !m.matches() || !Digest.isValid(m.group(2) + ":" + m.group(3))) {
      Exchanges.bytes(ex, 404, "text/plain", "no such signature\n".getBytes());
      return;
    }
    List<byte[]> signatures = store.of(m.group(1), Digest.parse(m.group(2) + ":" + m.group(3)));
    int n = Integer.parseInt(m.group(4));
    if (n > signatures.size()) {
      Exchanges.bytes(ex, 404, "text/plain", "no such signature\n".getBytes());
      return;
    }
    Exchanges.bytes(ex, 200, "application/octet-stream", signatures.get(n - 1));
  }
}
