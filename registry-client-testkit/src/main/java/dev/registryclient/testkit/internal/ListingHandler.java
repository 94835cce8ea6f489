package dev.registryclient.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Tag lists and the catalog, paginated with {@code n} and {@code last} and a {@code Link: <...>;
 * rel="next"} header. Without {@code n} pages still have a default size (50, like Red Hat's
 * registries), so clients that ignore {@code Link} see a truncated list.
 */
public final class ListingHandler {
  private final MetadataStore metadata;
  private final int defaultPageSize;

  /** Lists from {@code metadata} with pages of {@code defaultPageSize} unless {@code n} says. */
  public ListingHandler(MetadataStore metadata, int defaultPageSize) {
    this.metadata = metadata;
    this.defaultPageSize = defaultPageSize;
  }

  /** {@code GET /v2/<name>/tags/list}. */
  public void tags(HttpExchange ex, String repository) throws IOException {
    if (!metadata.exists(repository)) {
      Exchanges.error(ex, ErrorCode.NAME_UNKNOWN, "repository " + repository + " not known");
      return;
    }
    page(ex, "/v2/" + repository + "/tags/list", metadata.tags(repository), "tags", repository);
  }

  /** {@code GET /v2/_catalog}. */
  public void catalog(HttpExchange ex) throws IOException {
    page(ex, "/v2/_catalog", metadata.repositories(), "repositories", null);
  }

  private void page(HttpExchange ex, String path, List<String> all, String key, String name)
      throws IOException {
    Map<String, String> query = Exchanges.query(ex);
    int n;
    try {
      n = query.containsKey("n") ? Integer.parseInt(query.get("n")) : defaultPageSize;
      if (n < 0) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      Exchanges.error(ex, ErrorCode.PAGINATION_NUMBER_INVALID, "n=" + query.get("n"));
      return;
    }
    String last = query.get("last");
    List<String> rest =
        last == null ? all : all.stream().filter(t -> t.compareTo(last) > 0).toList();
    List<String> page = rest.subList(0, Math.min(n, rest.size()));
    if (page.size() < rest.size() && !page.isEmpty()) {
      String next = page.get(page.size() - 1);
      ex.getResponseHeaders()
          .set("Link", "<" + path + "?last=" + encode(next) + "&n=" + n + ">; rel=\"next\"");
    }
    Exchanges.json(
        ex, 200, name == null ? Json.object(key, page) : Json.object("name", name, key, page));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
