package dev.registryclient.oci.paging;

import java.net.URI;

/**
 * Fetches one page of a listing: typically a GET through the transport, parsing the body and the
 * {@code Link} headers into a {@link Page}.
 *
 * <pre>{@code
 * PageFetcher<String> tags = uri -> {
 *   Response r = transport.get(uri);
 *   return Page.of(TagList.parse(r.body(), ctx).tags(), uri, r.headers("Link"));
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
   */
  Page<T> fetch(URI pageUri);
}
