package dev.registryclient.oci.client;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.core.error.ErrorMapper;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.oci.pull.BlobStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code GET /v2/<name>/blobs/<digest>}, following redirects (to a CDN, typically) hop by hop. The
 * redirected request keeps the registry as its origin, so the transport attaches credentials only
 * while the target is the registry itself.
 */
final class BlobOpener {
  private static final int MAX_HOPS = 5;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private BlobOpener() {}

  static BlobStream open(Registry registry, String repository, Digest digest) {
    ErrorContext context = ErrorContext.of(Phase.BLOB, registry.name(), repository);
    Request request =
        Request.builder(registry.endpoints().blob(repository, digest))
            .repository(repository)
            .phase(Phase.BLOB)
            .build();
    for (int hop = 0; ; hop++) {
      Response response = registry.transport().execute(request);
      Origin served = Origin.of(response.uri());
      ErrorContext at = context.withContactedHost(served.hostAndPort());
      if (REDIRECTS.contains(response.status())) {
        URI next = location(response, at, hop);
        response.closeQuietly();
        request = request.newBuilder().uri(next).build();
        continue;
      }
      if (!response.isSuccessful()) {
        throw ErrorMapper.fromResponse(response, at);
      }
      OptionalLong length = length(response.header("Content-Length").orElse(""));
      return new BlobStream(
          new ResponseStream(response),
          length,
          served.hostAndPort(),
          !served.equals(request.registry()));
    }
  }

  private static OptionalLong length(String header) {
    try {
      long n = Long.parseLong(header.trim());
      return n >= 0 ? OptionalLong.of(n) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static URI location(Response response, ErrorContext context, int hop) {
    if (hop >= MAX_HOPS) {
      response.closeQuietly();
      throw new TransportException(context, "more than " + MAX_HOPS + " redirects for a blob");
    }
    String location =
        response
            .header("Location")
            .orElseThrow(
                () -> {
                  response.closeQuietly();
                  return new TransportException(
                      context, "redirect " + response.status() + " without a Location header");
                });
    URI next;
    try {
      next = response.uri().resolve(location.trim());
    } catch (IllegalArgumentException e) {
      response.closeQuietly();
      throw new TransportException(context, "redirect to an invalid Location: " + location, e);
    }
    if (!"https".equals(next.getScheme()) && !"http".equals(next.getScheme())) {
      response.closeQuietly();
      throw new TransportException(context, "redirect to a non-http(s) Location: " + location);
    }
    return next;
  }

  /** The body; closing it closes the response (aborting the connection if unread). */
  private static final class ResponseStream extends FilterInputStream {
    private final Response response;

    ResponseStream(Response response) {
      super(response.body());
      this.response = response;
    }

    @Override
    public void close() throws IOException {
      response.close();
    }
  }
}
