package dev.registryclient.oci.client;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.core.transport.ErrorMapper;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.RetryBudget;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.core.transport.blob.BlobUrlSource;
import dev.registryclient.core.transport.blob.ResumableBlobStream;
import dev.registryclient.oci.pull.BlobStream;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /v2/<name>/blobs/<digest>} as an unverified stream that knows which host served it.
 * The transport follows the registry's redirect (typically to a CDN) and keeps credentials on the
 * registry; the response's final URI tells where the bytes came from. A connection cut mid-body is
 * resumed with {@code Range: bytes=N-} through the registry ({@link ResumableBlobStream}), so the
 * reader sees one continuous body. The first request, its retries and every resume share one {@link
 * RetryBudget}, whose events go to the caller's listener. The stream does not hash: the reader must
 * verify (the pull engine's store writer does, {@link
 * dev.registryclient.oci.client.DefaultRegistryClient#blob} wraps it in a {@code
 * DigestingInputStream}).
 *
 * <p>{@link #openRange} does the same for one byte range of a segmented download: each segment has
 * its own budget and asks the registry again (for a fresh signed URL) at its start and each resume.
 */
final class BlobOpener {
  private BlobOpener() {}

  static BlobStream open(
      Registry registry, String repository, Digest digest, long size, RetryListener retries) {
    RetryBudget budget = registry.transport().newRetryBudget(retries);
    Request request = request(registry, repository, digest, budget);
    ErrorContext context = request.errorContext();
    FirstAnswer source = new FirstAnswer(BlobUrlSource.registry(registry.transport(), request));
    InputStream body = ResumableBlobStream.openUnverified(source, digest, size, context, budget);
    return stream(body, source.first.get());
  }

  /** Bytes {@code [from, to)}; empty when the server does not serve ranges. */
  static Optional<BlobStream> openRange(
      Registry registry,
      String repository,
      Digest digest,
      long size,
      long from,
      long to,
      RetryListener retries) {
    RetryBudget budget = registry.transport().newRetryBudget(retries);
    Request request = request(registry, repository, digest, budget);
    FirstAnswer source = new FirstAnswer(BlobUrlSource.registry(registry.transport(), request));
    return ResumableBlobStream.openRange(
            source, digest, size, from, to, request.errorContext(), budget)
        .map(body -> stream(body, source.first.get()));
  }

  private static Request request(
      Registry registry, String repository, Digest digest, RetryBudget budget) {
    return Request.builder(registry.endpoints().blob(repository, digest))
        .repository(repository)
        .phase(Phase.BLOB)
        .registryName(registry.name())
        .retryBudget(budget)
        .build();
  }

  private static BlobStream stream(InputStream body, Response opened) {
    Origin served = Origin.of(opened.uri());
    return new BlobStream(
        body,
        length(opened.header("Content-Length").orElse("")),
        served.hostAndPort(),
        !served.equals(opened.request().registry()));
  }

  /** A source that maps error answers to exceptions and remembers the first successful answer. */
  private static final class FirstAnswer implements BlobUrlSource {
    private final BlobUrlSource registry;
    private final AtomicReference<Response> first = new AtomicReference<>();

    FirstAnswer(BlobUrlSource registry) {
      this.registry = registry;
    }

    @Override
    public Response fetch(long offset) {
      return checked(registry.fetch(offset));
    }

    @Override
    public Response fetch(long offset, long end) {
      return checked(registry.fetch(offset, end));
    }

    private Response checked(Response response) {
      if (!response.isSuccessful()) {
        throw ErrorMapper.fromResponse(response);
      }
      first.compareAndSet(null, response);
      return response;
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
}
