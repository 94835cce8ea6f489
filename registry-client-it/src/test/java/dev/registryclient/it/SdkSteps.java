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
import dev.registryclient.oci.listing.RepositoryList;
import dev.registryclient.oci.listing.TagList;
import dev.registryclient.oci.manifest.ManifestCodec;
import dev.registryclient.oci.paging.Page;
import dev.registryclient.oci.paging.Pager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The steps of a pull, put together from the SDK's public pieces (transport with auth, endpoints,
 * manifest codec, pager, OCI layout). It stands in for {@code RegistryClient} until the fluent
 * client is on main; the tests then call the client instead and this class goes away.
 */
final class SdkSteps implements AutoCloseable {
  private final Transport transport;
  private final RegistryEndpoints endpoints;
  private final String registry;
  private final ManifestCodec codec = ManifestCodec.defaults();

  private SdkSteps(Transport transport, URI registryUrl) {
    this.transport = transport;
    this.endpoints = RegistryEndpoints.of(registryUrl);
    this.registry = registryUrl.getAuthority();
  }

  /** Steps against the registry at {@code registryUrl} without credentials. */
  static SdkSteps anonymous(URI registryUrl) {
    return new SdkSteps(TransportBuilder.create().build(), registryUrl);
  }

  /** Steps against the registry at {@code registryUrl} with {@code credentials}. */
  static SdkSteps with(URI registryUrl, CredentialProvider credentials) {
    return new SdkSteps(TransportBuilder.create().credentials(credentials).build(), registryUrl);
  }

  /** A manifest as served, with the registry's {@code Docker-Content-Digest} header. */
  record Fetched(Manifest manifest, Optional<String> dockerContentDigest) {}

  Fetched manifest(String repository, String reference) {
    ErrorContext context = ErrorContext.of(Phase.MANIFEST, registry, repository);
    Request request =
        Request.get(endpoints.manifest(repository, reference))
            .newBuilder()
            .header("Accept", ManifestCodec.ACCEPT)
            .build();
    try (Response response = transport.execute(request)) {
      if (response.status() != 200) {
        throw ErrorMapper.fromResponse(response, context);
      }
      byte[] body = codec.readLimited(response.body(), context);
      return new Fetched(
          codec.decode(body, response.header("Content-Type"), context),
          response.header("Docker-Content-Digest"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    ImageManifest image = (ImageManifest) manifest(repository, tag).manifest();
    copyBlob(repository, image.config(), layout.blobs());
    image.layers().forEach(layer -> copyBlob(repository, layer, layout.blobs()));
    LayoutDescriptor stored =
        layout.putManifest(image.mediaType().withoutParameters().toString(), image.raw());
    layout.tag(tag, stored);
    return stored;
  }

  /** All tags of {@code repository}, following next links ({@code pageSize} 0: server's). */
  List<String> tags(String repository, int pageSize) {
    ErrorContext context = ErrorContext.of(Phase.TAGS, registry, repository);
    return list(
        endpoints.tags(repository), pageSize, context, body -> TagList.parse(body, context).tags());
  }

  /** All repositories, following next links ({@code pageSize} 0: server's). */
  List<String> catalog(int pageSize) {
    ErrorContext context = ErrorContext.of(Phase.CATALOG).withRegistry(registry);
    return list(
        endpoints.catalog(),
        pageSize,
        context,
        body -> RepositoryList.parse(body, context).repositories());
  }

  private List<String> list(
      URI first, int pageSize, ErrorContext context, Function<byte[], List<String>> parse) {
    Pager.Builder<String> pager =
        Pager.<String>builder(first, uri -> page(uri, context, parse)).context(context);
    if (pageSize > 0) {
      pager.pageSize(pageSize);
    }
    return pager.build().stream().toList();
  }

  private Page<String> page(URI uri, ErrorContext context, Function<byte[], List<String>> parse) {
    try (Response response = transport.execute(Request.get(uri))) {
      if (response.status() != 200) {
        throw ErrorMapper.fromResponse(response, context);
      }
      byte[] body = response.body().readAllBytes();
      return Page.of(parse.apply(body), uri, response.headers().all("Link"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    transport.close();
  }
}
