package dev.registryclient.core.transport;

import java.net.URI;
import java.util.List;

/**
 * Decides which headers may reach which origin: credentials ({@code Authorization}, {@code Cookie})
 * go only to the registry's own origin, so a redirect to a CDN or any other host never carries
 * them. Other headers ({@code Accept}, {@code Range}, {@code User-Agent}) travel on.
 *
 * <pre>{@code
 * Request hop = OriginGuard.redirect(request, URI.create("https://cdn.example/blob?sig=..."));
 * hop.header("Authorization"); // Optional.empty()
 * hop.registry();              // still the registry
 * }</pre>
 */
public final class OriginGuard {
  private static final List<String> CREDENTIALS = List.of("Authorization", "Cookie");

  private OriginGuard() {}

  /**
   * The request for the next hop of a redirect: same registry, new URI, credentials checked.
   *
   * @param from the request that was redirected
   * @param target the absolute redirect target
   * @return the request for {@code target}, without credentials if it leaves the registry's origin
   */
  public static Request redirect(Request from, URI target) {
    return guard(from.newBuilder().uri(target).build());
  }

  /**
   * The request itself if it goes to its registry, else a copy without credential headers.
   *
   * @param request the request about to be sent
   * @return {@code request}, or a copy without credential headers
   */
  public static Request guard(Request request) {
    if (request.isForRegistry()
        || CREDENTIALS.stream().noneMatch(h -> request.header(h).isPresent())) {
      return request;
    }
    Request.Builder stripped = request.newBuilder();
    CREDENTIALS.forEach(stripped::removeHeader);
    return stripped.build();
  }
}
