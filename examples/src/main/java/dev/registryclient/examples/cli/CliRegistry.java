package dev.registryclient.examples.cli;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.core.TransportBuilder;
import dev.registryclient.core.transport.ErrorMapper;
import dev.registryclient.core.transport.HostLedger;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.RetryPolicy;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.RegistryEndpoints;
import dev.registryclient.oci.listing.TagList;
import dev.registryclient.oci.manifest.ManifestCodec;
import dev.registryclient.oci.manifest.ManifestFetcher;
import dev.registryclient.oci.paging.Page;
import dev.registryclient.oci.paging.Pager;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

/**
 * The few registry operations {@code tags} and {@code inspect} need, over the transport and the
 * protocol pieces. Shaped like the fluent client's methods so the commands do not care which one
 * serves them.
 */
final class CliRegistry implements AutoCloseable {
  private final Transport transport;
  private final ConnectionOptions options;
  private final ManifestCodec codec = ManifestCodec.defaults();

  private CliRegistry(Transport transport, ConnectionOptions options) {
    this.transport = transport;
    this.options = options;
  }

  /** A registry connection for {@code reference}'s registry with these options. */
  static CliRegistry open(ImageReference reference, ConnectionOptions options) {
    return new CliRegistry(transport(reference, options).build(), options);
  }

  /**
   * A connection that notes every host it contacts in {@code ledger} and does not retry: {@code
   * hosts} wants to know quickly which host fails, not to wait through backoff.
   */
  static CliRegistry probing(
      ImageReference reference, ConnectionOptions options, HostLedger ledger) {
    Transport transport =
        transport(reference, options).hostLedger(ledger).retryPolicy(RetryPolicy.none()).build();
    return new CliRegistry(transport, options);
  }

  private static TransportBuilder transport(ImageReference reference, ConnectionOptions options) {
    TransportBuilder builder =
        TransportBuilder.create()
            .userAgent("registry-client-cli/0.1")
            .credentials(options.credentials(reference));
    if (options.plainHttp) {
      // --plain-http is the user's opt-in to send this registry's credentials unencrypted
      builder.allowCredentialsOverHttp(reference.registryApiHost());
    }
    if (options.insecure) {
      // only the registry's own host: a CDN it redirects to is still verified
      builder.insecure(reference.registryApiHost());
    }
    return builder;
  }

  /** The transport, for commands that look at single responses ({@code hosts}). */
  Transport transport() {
    return transport;
  }

  /** The API endpoints of {@code reference}'s registry. */
  RegistryEndpoints endpoints(ImageReference reference) {
    String scheme = options.plainHttpFor(reference) ? "http" : "https";
    return RegistryEndpoints.of(URI.create(scheme + "://" + reference.registryApiHost()));
  }

  /** The tags of {@code repository}, page by page as the stream is consumed. */
  Stream<String> tags(ImageReference repository) {
    ErrorContext context =
        ErrorContext.of(Phase.TAGS, repository.registry(), repository.repository());
    URI first = endpoints(repository).tags(repository.repository());
    return Pager.builder(first, uri -> tagPage(uri, context)).context(context).build().stream();
  }

  private Page<String> tagPage(URI uri, ErrorContext context) {
    Response response = transport.execute(Request.builder(uri).phase(Phase.TAGS).build());
    ErrorContext here = context.withContactedHost(response.request().origin().hostWithPort());
    if (!response.isSuccessful()) {
      throw ErrorMapper.fromResponse(response, here);
    }
    try (response) {
      byte[] body = codec.readLimited(response.body(), here);
      return Page.of(TagList.parse(body, here).tags(), uri, response.headers().all("Link"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The manifest or index {@code reference} names, checked against its digest if it has one. */
  Manifest manifest(ImageReference reference) {
    ErrorContext context =
        ErrorContext.of(Phase.MANIFEST, reference.registry(), reference.repository());
    URI uri = endpoints(reference).manifest(reference.repository(), reference.reference());
    Request request =
        Request.builder(uri).header("Accept", ManifestCodec.ACCEPT).phase(Phase.MANIFEST).build();
    Response response = transport.execute(request);
    ErrorContext here = context.withContactedHost(response.request().origin().hostWithPort());
    if (!response.isSuccessful()) {
      throw ErrorMapper.fromResponse(response, here);
    }
    Manifest manifest;
    try (response) {
      byte[] body = codec.readLimited(response.body(), here);
      manifest = codec.decode(body, response.header("Content-Type"), here);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Digest expected = reference.digest().orElse(manifest.digest());
    if (!expected.equals(manifest.digest())) {
      throw new DigestMismatchException(here, expected.toString(), manifest.digest().toString());
    }
    return manifest;
  }

  /**
   * Digest, media type and size of what {@code reference} names when only the {@code accepted}
   * types are acceptable: a HEAD, or a verified GET when the HEAD lacks a digest. The protocol
   * layer's {@link ManifestFetcher} does this; {@link #manifest} keeps its own GET because its
   * errors name the registry as the user wrote it.
   */
  Descriptor resolve(ImageReference reference, List<MediaType> accepted) {
    return ManifestFetcher.create(transport, endpoints(reference), codec)
        .resolve(reference.repository(), reference.reference(), accepted);
  }

  @Override
  public void close() {
    transport.close();
  }
}
