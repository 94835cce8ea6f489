package dev.registryclient.oci.listing;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.RegistryEndpoints;
import dev.registryclient.oci.internal.RegistryCalls;
import dev.registryclient.oci.manifest.ManifestFetcher;
import dev.registryclient.oci.paging.PageFetcher;
import dev.registryclient.oci.paging.Pager;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Lists tags, repositories and referrers of one registry over a core {@link Transport}.
 *
 * <p>Every listing is a lazy {@link Stream}: a page is requested only when the consumer has used up
 * the previous one, following {@code Link: <...>; rel="next"} headers through {@link Pager} (which
 * refuses next links that loop or leave the registry's origin). Token scopes are the transport's
 * business: tag lists ask for {@code repository:<name>:pull}, the catalog for {@code
 * registry:catalog:*}. Invalid tags or repository names in a page are skipped with a warning. Error
 * answers become the typed exceptions of core's {@code ErrorMapper} ({@code NAME_UNKNOWN} is a
 * {@code NotFoundException}, ...).
 *
 * <pre>{@code
 * RegistryListings listings = RegistryListings.create(transport, RegistryEndpoints.of(uri));
 * List<String> releases = listings.tags("org/app").filter(t -> t.startsWith("v")).toList();
 * try (Stream<Descriptor> signatures = listings.referrers("org/app", digest,
 *     Optional.of("application/vnd.dev.cosign.artifact.sig.v1+json"))) {
 *   signatures.forEach(System.out::println);
 * }
 * }</pre>
 */
public final class RegistryListings {
  private final Transport transport;
  private final RegistryEndpoints endpoints;
  private final ManifestFetcher manifests;

  private RegistryListings(Transport transport, RegistryEndpoints endpoints) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    this.manifests = ManifestFetcher.create(transport, endpoints);
  }

  /**
   * Listings of the registry at {@code endpoints}, sent through {@code transport}.
   *
   * @param transport the transport every request goes through
   * @param endpoints the registry's URLs
   * @return listings of that registry
   */
  public static RegistryListings create(Transport transport, RegistryEndpoints endpoints) {
    return new RegistryListings(transport, endpoints);
  }

  /**
   * Every tag of {@code repository}, in the registry's page size.
   *
   * @param repository the repository name, such as {@code library/alpine}
   * @return a lazy stream of the tags; close it to stop early
   * @throws IllegalArgumentException if the repository name is invalid
   */
  public Stream<String> tags(String repository) {
    return tags(repository, OptionalInt.empty(), Optional.empty());
  }

  /**
   * The tags of {@code repository}, {@code n} per page, starting after {@code last}.
   *
   * @param repository the repository name, such as {@code library/alpine}
   * @param n tags per page, if not the registry's default (must be positive)
   * @param last the tag to start after, if any
   * @return a lazy stream of the tags; close it to stop early
   * @throws IllegalArgumentException if the repository name is invalid or {@code n} is not positive
   */
  public Stream<String> tags(String repository, OptionalInt n, Optional<String> last) {
    return paged(endpoints.tags(repository), ListingPages.tags(transport), n, last);
  }

  /**
   * Every repository of the registry ({@code GET /v2/_catalog}).
   *
   * @return a lazy stream of the repository names; close it to stop early
   */
  public Stream<String> catalog() {
    return catalog(OptionalInt.empty(), Optional.empty());
  }

  /**
   * The repositories, {@code n} per page, starting after {@code last}.
   *
   * @param n repositories per page, if not the registry's default (must be positive)
   * @param last the repository name to start after, if any
   * @return a lazy stream of the repository names; close it to stop early
   * @throws IllegalArgumentException if {@code n} is not positive
   */
  public Stream<String> catalog(OptionalInt n, Optional<String> last) {
    return paged(endpoints.catalog(), ListingPages.catalog(transport), n, last);
  }

  /**
   * The manifests whose {@code subject} is {@code subject}, optionally only those of {@code
   * artifactType}, from the OCI 1.1 referrers API, or from the {@code sha256-<hex>} tag when the
   * registry has no referrers API (answers 404). Empty when nothing refers to the subject.
   *
   * @param repository the repository name, such as {@code library/alpine}
   * @param subject the digest of the manifest the referrers refer to
   * @param artifactType only referrers of this artifact type, if present
   * @return a lazy stream of the referrers' descriptors; close it to stop early
   * @throws IllegalArgumentException if the repository or artifact type is malformed
   */
  public Stream<Descriptor> referrers(
      String repository, Digest subject, Optional<String> artifactType) {
    Optional<MediaType> filter = artifactType.map(RegistryListings::artifactType);
    URI first = endpoints.referrers(repository, subject, artifactType);
    ReferrersPages pages =
        new ReferrersPages(transport, manifests, first, repository, subject, filter);
    return Pager.builder(first, pages).context(contextFor(first)).build().stream();
  }

  private <T> Stream<T> paged(
      URI first, PageFetcher<T> fetcher, OptionalInt n, Optional<String> last) {
    Pager.Builder<T> pager = Pager.builder(first, fetcher).context(contextFor(first));
    n.ifPresent(pager::pageSize);
    last.ifPresent(pager::startAfter);
    return pager.build().stream();
  }

  private static ErrorContext contextFor(URI first) {
    return RegistryCalls.contextOf(Request.get(first));
  }

  private static MediaType artifactType(String value) {
    try {
      return MediaType.parse(value).withoutParameters();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid artifactType \"" + value + "\": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "RegistryListings[" + endpoints.base() + "]";
  }
}
