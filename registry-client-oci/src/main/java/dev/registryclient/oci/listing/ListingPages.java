package dev.registryclient.oci.listing;

import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.internal.RegistryCalls;
import dev.registryclient.oci.paging.Page;
import dev.registryclient.oci.paging.PageFetcher;
import java.net.URI;
import java.util.List;
import java.util.function.BiFunction;

/** {@link PageFetcher}s that GET one listing page through the transport and parse it. */
final class ListingPages {
  /** The most bytes one listing page may have (a page of 10,000 long tags fits easily). */
  static final int MAX_PAGE_BYTES = 8 << 20;

  private ListingPages() {}

  /** Pages of {@code /v2/<name>/tags/list}. */
  static PageFetcher<String> tags(Transport transport) {
    return uri -> fetch(transport, uri, "tag list", (body, ctx) -> TagList.parse(body, ctx).tags());
  }

  /** Pages of {@code /v2/_catalog}. */
  static PageFetcher<String> catalog(Transport transport) {
    return uri ->
        fetch(
            transport,
            uri,
            "catalog",
            (body, ctx) -> RepositoryList.parse(body, ctx).repositories());
  }

  private static <T> Page<T> fetch(
      Transport transport, URI uri, String what, BiFunction<byte[], ErrorContext, List<T>> parser) {
    Response response = RegistryCalls.send(transport, Request.get(uri));
    try {
      byte[] body = RegistryCalls.readBody(response, MAX_PAGE_BYTES, what);
      ErrorContext context = RegistryCalls.contextOf(response.request());
      return page(parser.apply(body, context), response, context);
    } finally {
      response.closeQuietly();
    }
  }

  /** A page of {@code items} whose next link comes from the response's {@code Link} headers. */
  static <T> Page<T> page(List<T> items, Response response, ErrorContext context) {
    try {
      return Page.of(items, response.uri(), response.headers().all("Link"));
    } catch (IllegalArgumentException e) {
      // without a readable next link the rest of the listing is unknown: no partial result
      throw new InvalidContentException(context, "unreadable Link header: " + e.getMessage(), e);
    }
  }
}
