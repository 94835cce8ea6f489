package dev.registryclient.oci.paging;

import java.net.URI;

/**
 * Fetches one page of a listing: typically a GET through the transport (as {@link
 * dev.registryclient.oci.listing.RegistryListings} does), parsing the body and the {@code Link}
 * headers into a {@link Page}.
 *
 * <pre>{@code
 * PageFetcher<String> tags = uri -> {
 *   try (Response r = transport.execute(Request.get(uri))) {
 *     TagList page = TagList.parse(r.body().readAllBytes(), ctx);
 *     return Page.of(page.tags(), r.uri(), r.headers().all("Link"));
 *   }
 * };
 * }</pre>
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {

  /**
   * The page at {@code pageUri}. Failures are thrown as {@link
   * dev.registryclient.api.exception.RegistryException}s and end the listing.
   *
   * @param pageUri the absolute URI of the page, with any {@code n} and {@code last} parameters
   * @return the page's items and its next link; never {@code null}
   */
  Page<T> fetch(URI pageUri);
}
