package dev.registryclient.oci.client;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.core.error.ErrorMapper;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.oci.pull.BlobStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code GET /v2/<name>/blobs/<digest>} as an unverified stream that knows which host served it.
 * The transport follows the registry's redirect (typically to a CDN) and keeps credentials on the
 * registry; the response's final URI tells where the bytes came from.
 */
final class BlobOpener {
  private BlobOpener() {}

  static BlobStream open(Registry registry, String repository, Digest digest) {
    Request request =
        Request.builder(registry.endpoints().blob(repository, digest))
            .repository(repository)
            .phase(Phase.BLOB)
            .build();
    List<String> retries = RetryCapture.newSink();
    Response response =
        RetryCapture.capturing(retries, () -> registry.transport().execute(request));
    Origin served = Origin.of(response.uri());
    if (!response.isSuccessful()) {
      throw ErrorMapper.fromResponse(
          response,
          ErrorContext.of(Phase.BLOB, registry.name(), repository)
              .withContactedHost(served.hostAndPort()));
    }
    return new BlobStream(
        new ResponseStream(response),
        length(response.header("Content-Length").orElse("")),
        served.hostAndPort(),
        !served.equals(response.request().registry()),
        retries);
  }

  private static OptionalLong length(String header) {
    try {
      long n = Long.parseLong(header.trim());
      return n >= 0 ? OptionalLong.of(n) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
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
