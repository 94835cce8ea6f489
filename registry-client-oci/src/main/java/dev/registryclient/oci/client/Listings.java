package dev.registryclient.oci.client;

import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.core.error.ErrorMapper;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.oci.listing.RepositoryList;
import dev.registryclient.oci.listing.TagList;
import dev.registryclient.oci.paging.Page;
import dev.registryclient.oci.paging.PageFetcher;
import dev.registryclient.oci.paging.Pager;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Tag and catalog listings: lazy streams over {@link Pager}s whose pages go through the transport.
 */
final class Listings {
  /** Listing pages larger than this are refused (a million short tags fit). */
  static final int MAX_PAGE_BYTES = 32 << 20;

  private Listings() {}

  static Stream<String> tags(Registry registry, String repository) {
    ErrorContext context = ErrorContext.of(Phase.TAGS, registry.name(), repository);
    PageFetcher<String> fetcher =
        fetcher(registry, repository, context, (body, at) -> TagList.parse(body, at).tags());
    return Pager.builder(registry.endpoints().tags(repository), fetcher)
        .context(context)
        .build()
        .stream();
  }

  static Stream<String> catalog(Registry registry) {
    ErrorContext context = ErrorContext.of(Phase.CATALOG).withRegistry(registry.name());
    PageFetcher<String> fetcher =
        fetcher(
            registry, null, context, (body, at) -> RepositoryList.parse(body, at).repositories());
    return Pager.builder(registry.endpoints().catalog(), fetcher).context(context).build().stream();
  }

  private static PageFetcher<String> fetcher(
      Registry registry,
      String repository,
      ErrorContext context,
      BiFunction<byte[], ErrorContext, List<String>> parse) {
    return uri -> {
      Request.Builder request = Request.builder(uri).phase(context.phase());
      if (repository != null) {
        request.repository(repository);
      }
      try (Response response = registry.transport().execute(request.build())) {
        ErrorContext at = context.withContactedHost(Origin.of(response.uri()).hostAndPort());
        if (!response.isSuccessful()) {
          throw ErrorMapper.fromResponse(response, at);
        }
        byte[] body = readLimited(response.body(), at);
        return Page.of(parse.apply(body, at), uri, response.headers().all("Link"));
      } catch (IOException e) {
        throw new TransportException(context, "reading " + uri + " failed: " + e.getMessage(), e);
      }
    };
  }

  private static byte[] readLimited(InputStream in, ErrorContext context) throws IOException {
    byte[] body = in.readNBytes(MAX_PAGE_BYTES + 1);
    if (body.length > MAX_PAGE_BYTES) {
      throw new InvalidContentException(
          context, "listing page larger than " + MAX_PAGE_BYTES + " bytes");
    }
    return body;
  }
}
