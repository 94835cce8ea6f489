package dev.registryclient.oci.paging;

import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.oci.paging.PaginationException.Reason;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a listing may fetch a page: same origin as the first page, not fetched before,
 * within the page limit. One instance per listing.
 */
final class NextLinkPolicy {
  private final URI firstPage;
  private final ErrorContext context;
  private final int maxPages;
  private final Set<String> seen = new HashSet<>();

  NextLinkPolicy(URI firstPage, ErrorContext context, int maxPages) {
    this.firstPage = firstPage;
    this.context = context;
    this.maxPages = maxPages;
  }

  /**
   * Records {@code page} as fetched.
   *
   * @throws PaginationException if it must not be fetched
   */
  void admit(URI page) {
    if (!sameOrigin(firstPage, page) || page.getRawUserInfo() != null) {
      throw new PaginationException(
          context, Reason.OTHER_ORIGIN, page, " (first page: " + origin(firstPage) + ")");
    }
    if (!seen.add(page.normalize().toString())) {
      throw new PaginationException(context, Reason.REPEATED_PAGE, page, "");
    }
    if (seen.size() > maxPages) {
      throw new PaginationException(
          context, Reason.TOO_MANY_PAGES, page, " (" + maxPages + " pages)");
    }
  }

  static boolean sameOrigin(URI a, URI b) {
    return origin(a).equals(origin(b));
  }

  /** scheme://host:port with the scheme's default port filled in, lower-cased. */
  static String origin(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if (port < 0) {
      port = scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
    }
    return scheme + "://" + host + ":" + port;
  }
}
