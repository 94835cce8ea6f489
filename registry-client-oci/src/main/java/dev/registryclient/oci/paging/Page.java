package dev.registryclient.oci.paging;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a paginated listing: its items and where the next page is, if anywhere.
 *
 * <pre>{@code
 * Page<String> page = Page.of(tagList.tags(), requestUri, response.headers("Link"));
 * }</pre>
 *
 * @param items the items of this page, in the order the registry sent them
 * @param next the absolute URI of the next page, empty on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<URI> next) {

  /**
   * Copies {@code items}; both components are required.
   *
   * @param items the items of this page, in the order the registry sent them
   * @param next the absolute URI of the next page, empty on the last page
   */
  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(next, "next");
  }

  /**
   * A page whose next link comes from the response's {@code Link} headers.
   *
   * @param <T> the item type
   * @param items the items of this page
   * @param requestUri the URI this page was fetched from; a relative next link is resolved against
   *     it
   * @param linkHeaderValues every {@code Link} header value of the response
   * @return the page
   * @throws IllegalArgumentException if a {@code Link} value is malformed
   */
  public static <T> Page<T> of(List<T> items, URI requestUri, List<String> linkHeaderValues) {
    return new Page<>(items, LinkHeader.nextLink(requestUri, linkHeaderValues));
  }

  /**
   * The last page.
   *
   * @param <T> the item type
   * @param items the items of the last page
   * @return a page without a next link
   */
  public static <T> Page<T> last(List<T> items) {
    return new Page<>(items, Optional.empty());
  }
}
