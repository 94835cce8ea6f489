package dev.registryclient.oci.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.exception.TransportException;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.core.error.ErrorMapper;
import dev.registryclient.core.transport.Origin;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.oci.manifest.ManifestCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The referrers of a manifest: the OCI 1.1 referrers API, or, where a registry does not have it
 * (404), the referrers tag schema ({@code sha256-<hex>}) that pushers fall back to. Filtering by
 * artifact type is applied here too, since registries may ignore the query parameter.
 */
final class Referrers {
  private Referrers() {}

  static List<Descriptor> list(
      Registry registry,
      String repository,
      Digest subject,
      Optional<MediaType> artifactType,
      ManifestCodec codec) {
    ErrorContext context = ErrorContext.of(Phase.REFERRERS, registry.name(), repository);
    Request request =
        Request.builder(
                registry
                    .endpoints()
                    .referrers(repository, subject, artifactType.map(MediaType::toString)))
            .header("Accept", MediaType.OCI_INDEX.toString())
            .repository(repository)
            .phase(Phase.REFERRERS)
            .build();
    List<Descriptor> all;
    try (Response response = registry.transport().execute(request)) {
      ErrorContext at = context.withContactedHost(Origin.of(response.uri()).hostAndPort());
      if (response.status() == 404) {
        all = fromTagSchema(registry, repository, subject, codec);
      } else if (!response.isSuccessful()) {
        throw ErrorMapper.fromResponse(response, at);
      } else {
        byte[] body = codec.readLimited(response.body(), at);
        all = index(codec.decode(body, Optional.of(MediaType.OCI_INDEX.toString()), at), at);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new TransportException(context, "reading referrers failed: " + e.getMessage(), e);
    }
    return all.stream()
        .filter(d -> artifactType.map(t -> d.artifactType().equals(Optional.of(t))).orElse(true))
        .toList();
  }

  private static List<Descriptor> fromTagSchema(
      Registry registry, String repository, Digest subject, ManifestCodec codec) {
    String tag = subject.algorithm().prefix() + "-" + subject.hex();
    try {
      Manifest m =
          new ManifestRequests(registry.transport(), codec)
              .get(registry.endpoints(), registry.name(), repository, tag);
      return index(m, ErrorContext.of(Phase.REFERRERS, registry.name(), repository));
    } catch (NotFoundException e) {
      return List.of();
    }
  }

  private static List<Descriptor> index(Manifest manifest, ErrorContext context) {
    if (manifest instanceof ImageIndex index) {
      return index.manifests();
    }
    throw new InvalidContentException(
        context, "referrers answer is a " + manifest.mediaType() + ", not an image index");
  }
}
