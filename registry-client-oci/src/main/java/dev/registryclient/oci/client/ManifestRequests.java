package dev.registryclient.oci.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.core.error.ErrorMapper;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.RegistryEndpoints;
import dev.registryclient.oci.manifest.ManifestCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetches manifests (a stand-in until the protocol module's ManifestFetcher is on main): {@code
 * GET} (parsed, digest-verified) and {@code HEAD} (descriptor only), with an {@code Accept} list of
 * every type {@link ManifestCodec} reads.
 *
 * <p>The digest is computed from the bytes served. It must equal the reference when that is a
 * digest, and the {@code Docker-Content-Digest} header when the registry sends one; otherwise a
 * {@link DigestMismatchException} names both.
 *
 * <pre>{@code
 * ManifestRequests fetcher = new ManifestRequests(transport, ManifestCodec.defaults());
 * Manifest m = fetcher.get(endpoints, "ghcr.io", "org/app", "1.0");
 * Descriptor d = fetcher.head(endpoints, "ghcr.io", "org/app", "1.0");
 * }</pre>
 */
final class ManifestRequests {
  static final String DIGEST_HEADER = "Docker-Content-Digest";

  private final Transport transport;
  private final ManifestCodec codec;

  /** A fetcher sending through {@code transport}, parsing with {@code codec}. */
  ManifestRequests(Transport transport, ManifestCodec codec) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /**
   * {@code GET /v2/<repository>/manifests/<reference>}, parsed and verified.
   *
   * @param registry the registry as named in references, for error messages
   * @param reference a tag or a digest
   */
  public Manifest get(
      RegistryEndpoints endpoints, String registry, String repository, String reference) {
    ErrorContext context = ErrorContext.of(Phase.MANIFEST, registry, repository);
    Request request = request(endpoints, repository, reference, "GET");
    try (Response response = send(request, context)) {
      ErrorContext at = context.withContactedHost(Origin.of(response.uri()).hostAndPort());
      byte[] bytes = codec.readLimited(response.body(), at);
      Manifest manifest = codec.decode(bytes, response.header("Content-Type"), at);
      verify(manifest, bytes, reference, response.header(DIGEST_HEADER), at);
      return manifest;
    } catch (IOException | UncheckedIOException e) {
      throw readFailure(context, request, e);
    }
  }

  /**
   * {@code HEAD /v2/<repository>/manifests/<reference>}: digest, media type and size, without the
   * body. Falls back to a {@code GET} when the registry sends no {@code Docker-Content-Digest} for
   * a tag.
   */
  public Descriptor head(
      RegistryEndpoints endpoints, String registry, String repository, String reference) {
    ErrorContext context = ErrorContext.of(Phase.MANIFEST, registry, repository);
    Request request = request(endpoints, repository, reference, "HEAD");
    Optional<Digest> byDigest = asDigest(reference);
    try (Response response = send(request, context)) {
      ErrorContext at = context.withContactedHost(Origin.of(response.uri()).hostAndPort());
      Optional<Digest> header = response.header(DIGEST_HEADER).map(v -> parseDigest(v, at));
      if (header.isPresent() && byDigest.isPresent() && !header.equals(byDigest)) {
        throw new DigestMismatchException(
            at, "HEAD " + reference, byDigest.get().toString(), header.get().toString());
      }
      Optional<Digest> digest = header.or(() -> byDigest);
      Optional<MediaType> type =
          response.header("Content-Type").flatMap(ManifestRequests::mediaType);
      Optional<Long> size = response.header("Content-Length").flatMap(ManifestRequests::length);
      if (digest.isPresent() && type.isPresent() && size.isPresent()) {
        return Descriptor.of(type.get(), digest.get(), size.get());
      }
    } catch (IOException e) {
      throw readFailure(context, request, e);
    }
    Manifest manifest = get(endpoints, registry, repository, reference);
    return Descriptor.of(manifest.mediaType(), manifest.digest(), manifest.size());
  }

  private Request request(
      RegistryEndpoints endpoints, String repository, String reference, String method) {
    return Request.builder(endpoints.manifest(repository, reference))
        .method(method)
        .header("Accept", ManifestCodec.ACCEPT)
        .repository(repository)
        .phase(Phase.MANIFEST)
        .build();
  }

  private Response send(Request request, ErrorContext context) {
    Response response = transport.execute(request);
    if (!response.isSuccessful()) {
      throw ErrorMapper.fromResponse(
          response, context.withContactedHost(Origin.of(response.uri()).hostAndPort()));
    }
    return response;
  }

  private static void verify(
      Manifest manifest,
      byte[] bytes,
      String reference,
      Optional<String> header,
      ErrorContext context) {
    Optional<Digest> byDigest = asDigest(reference);
    if (byDigest.isPresent()) {
      Digest actual = digestWith(byDigest.get().algorithm(), manifest, bytes);
      if (!actual.equals(byDigest.get())) {
        throw new DigestMismatchException(
            context, "manifest " + reference, byDigest.get().toString(), actual.toString());
      }
    }
    if (header.isPresent()) {
      Digest claimed = parseDigest(header.get(), context);
      Digest actual = digestWith(claimed.algorithm(), manifest, bytes);
      if (!actual.equals(claimed)) {
        throw new DigestMismatchException(
            context, DIGEST_HEADER + " of " + reference, claimed.toString(), actual.toString());
      }
    }
  }

  /** The registry digest with {@code algorithm}; schema 1 payload digests exist only as sha256. */
  private static Digest digestWith(Digest.Algorithm algorithm, Manifest manifest, byte[] bytes) {
    if (algorithm.equals(manifest.digest().algorithm()) || manifest.mediaType().isSchema1()) {
      return manifest.digest();
    }
    return Digest.compute(algorithm, bytes);
  }

  private static TransportException readFailure(
      ErrorContext context, Request request, Exception e) {
    return new TransportException(
        context.withContactedHost(request.origin().hostAndPort()),
        "reading the manifest from " + request.uri() + " failed: " + e.getMessage(),
        e);
  }

  private static Optional<Digest> asDigest(String reference) {
    return reference.indexOf(':') > 0 ? Optional.of(Digest.parse(reference)) : Optional.empty();
  }

  private static Digest parseDigest(String value, ErrorContext context) {
    try {
      return Digest.parse(value.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidContentException(
          context, DIGEST_HEADER + " is not a digest: " + e.getMessage(), e);
    }
  }

  private static Optional<MediaType> mediaType(String value) {
    try {
      return Optional.of(MediaType.parse(value).withoutParameters());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> length(String value) {
    try {
      long n = Long.parseLong(value.trim());
      return n >= 0 ? Optional.of(n) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
