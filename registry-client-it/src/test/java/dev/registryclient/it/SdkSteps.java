package dev.registryclient.it;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.auth.CredentialProvider;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.store.BlobStore;
import dev.registryclient.api.store.BlobWriter;
import dev.registryclient.core.error.ErrorMapper;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.core.transport.TransportBuilder;
import dev.registryclient.oci.RegistryEndpoints;
import dev.registryclient.oci.layout.LayoutDescriptor;
import dev.registryclient.oci.layout.OciLayout;
import dev.registryclient.oci.listing.RegistryListings;
import dev.registryclient.oci.manifest.ManifestFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The steps of a pull, put together from the SDK's public pieces (transport with auth and
 * redirects, manifest fetcher, listings, OCI layout). It stands in for {@code RegistryClient} until
 * the fluent client is on main; the tests then call the client instead and this class goes away.
 */
final class SdkSteps implements AutoCloseable {
  private final Transport transport;
  private final RegistryEndpoints endpoints;
  private final String registry;
  private final ManifestFetcher manifests;
  private final RegistryListings listings;

  private SdkSteps(Transport transport, URI registryUrl) {
    this.transport = transport;
    this.endpoints = RegistryEndpoints.of(registryUrl);
    this.registry = registryUrl.getAuthority();
    this.manifests = ManifestFetcher.create(transport, endpoints);
    this.listings = RegistryListings.create(transport, endpoints);
  }

  /** Steps against the registry at {@code registryUrl} without credentials. */
  static SdkSteps anonymous(URI registryUrl) {
    return new SdkSteps(TransportBuilder.create().build(), registryUrl);
  }

  /** Steps against the registry at {@code registryUrl} with {@code credentials}. */
  static SdkSteps with(URI registryUrl, CredentialProvider credentials) {
    return new SdkSteps(TransportBuilder.create().credentials(credentials).build(), registryUrl);
  }

  /** The manifest {@code reference} (tag or digest), verified against the registry's digest. */
  Manifest manifest(String repository, String reference) {
    return manifests.fetch(repository, reference);
  }

  /** Streams blob {@code blob} into {@code store}, which verifies size and digest. */
  void copyBlob(String repository, Descriptor blob, BlobStore store) {
    if (store.size(blob.digest()).isPresent()) {
      return;
    }
    ErrorContext context = ErrorContext.of(Phase.BLOB, registry, repository);
    try (Response response =
            transport.execute(Request.get(endpoints.blob(repository, blob.digest())));
        InputStream body = response.body()) {
      if (response.status() != 200) {
        throw ErrorMapper.fromResponse(response, context);
      }
      try (BlobWriter writer = store.writer(blob.digest(), blob.size())) {
        writer.transferFrom(body);
        writer.commit();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Pulls the single-platform image {@code repository:tag} into {@code layout} under {@code tag}.
   */
  LayoutDescriptor pullInto(String repository, String tag, OciLayout layout) {
    ImageManifest image = (ImageManifest) manifest(repository, tag);
    copyBlob(repository, image.config(), layout.blobs());
    image.layers().forEach(layer -> copyBlob(repository, layer, layout.blobs()));
    LayoutDescriptor stored =
        layout.putManifest(image.mediaType().withoutParameters().toString(), image.raw());
    layout.tag(tag, stored);
    return stored;
  }

  /** All tags of {@code repository}, following next links ({@code pageSize} 0: server's). */
  List<String> tags(String repository, int pageSize) {
    try (Stream<String> tags = listings.tags(repository, n(pageSize), Optional.empty())) {
      return tags.toList();
    }
  }

  /** All repositories, following next links ({@code pageSize} 0: server's). */
  List<String> catalog(int pageSize) {
    try (Stream<String> repositories = listings.catalog(n(pageSize), Optional.empty())) {
      return repositories.toList();
    }
  }

  private static OptionalInt n(int pageSize) {
    return pageSize > 0 ? OptionalInt.of(pageSize) : OptionalInt.empty();
  }

  @Override
  public void close() {
    transport.close();
  }
}
