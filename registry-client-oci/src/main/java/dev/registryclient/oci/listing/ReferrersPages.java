package dev.registryclient.oci.listing;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.internal.RegistryCalls;
import dev.registryclient.oci.manifest.ManifestCodec;
import dev.registryclient.oci.manifest.ManifestFetcher;
import dev.registryclient.oci.paging.Page;
import dev.registryclient.oci.paging.PageFetcher;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages of the OCI 1.1 referrers API for one subject. When the first page answers 404 the registry
 * has no referrers API, and the referrers come from the index tagged with the referrers tag schema
 * ({@code sha256-<hex>}) instead, as the distribution spec prescribes for clients. The artifact
 * type filter is always applied here too, since registries may ignore it (they say whether they
 * applied it in {@code OCI-Filters-Applied}).
 */
final class ReferrersPages implements PageFetcher<Descriptor> {
  private static final Logger LOG = LoggerFactory.getLogger(ReferrersPages.class);
  private static final ManifestCodec PAGE_CODEC =
      ManifestCodec.builder().maxBytes(ListingPages.MAX_PAGE_BYTES).build();

  private final Transport transport;
  private final ManifestFetcher manifests;
  private final URI firstPage;
  private final String repository;
  private final Digest subject;
  private final Optional<MediaType> artifactType;

  ReferrersPages(
      Transport transport,
      ManifestFetcher manifests,
      URI firstPage,
      String repository,
      Digest subject,
      Optional<MediaType> artifactType) {
    this.transport = transport;
    this.manifests = manifests;
    this.firstPage = firstPage;
    this.repository = repository;
    this.subject = subject;
    this.artifactType = artifactType;
  }

  /** The referrers tag schema: {@code <alg>-<hex>}, the hex cut to 64 characters. */
  static String fallbackTag(Digest subject) {
    String hex = subject.hex();
    return subject.algorithm().prefix() + "-" + (hex.length() > 64 ? hex.substring(0, 64) : hex);
  }

  @Override
  public Page<Descriptor> fetch(URI pageUri) {
    Request request =
        Request.builder(pageUri).header("Accept", MediaType.OCI_INDEX.toString()).build();
    Response response = transport.execute(request);
    if (response.status() == 404 && pageUri.equals(firstPage)) {
      response.closeQuietly();
      LOG.debug(
          "{} has no referrers API; reading tag {}", request.registry(), fallbackTag(subject));
      return Page.last(fromFallbackTag());
    }
    if (!response.isSuccessful()) {
      throw RegistryCalls.failure(response);
    }
    try {
      ErrorContext context = RegistryCalls.contextOf(response.request());
      byte[] body = RegistryCalls.readBody(response, ListingPages.MAX_PAGE_BYTES, "referrers");
      Manifest index = PAGE_CODEC.decode(body, response.header("Content-Type"), context);
      return ListingPages.page(matching(index, context), response, context);
    } finally {
      response.closeQuietly();
    }
  }

  private List<Descriptor> fromFallbackTag() {
    Manifest index;
    try {
      index = manifests.fetch(repository, fallbackTag(subject), List.of(MediaType.OCI_INDEX));
    } catch (NotFoundException e) {
      if (e.hasErrorCode("NAME_UNKNOWN")) {
        throw e; // the repository itself is missing, which is worth saying
      }
      return List.of(); // no referrers tag: nothing refers to the subject
    }
    return matching(index, RegistryCalls.contextOf(Request.get(firstPage)));
  }

  private List<Descriptor> matching(Manifest manifest, ErrorContext context) {
    if (!(manifest instanceof ImageIndex index)) {
      throw new InvalidContentException(
          context, "referrers must be an image index, got " + manifest.mediaType());
    }
    return index.manifests().stream()
        .filter(d -> artifactType.isEmpty() || artifactTypeOf(d).equals(artifactType))
        .toList();
  }

  private static Optional<MediaType> artifactTypeOf(Descriptor d) {
    return d.artifactType().map(MediaType::withoutParameters);
  }
}
