package dev.registryclient.oci.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.NotFoundException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.ImageIndex;
import dev.registryclient.api.manifest.ImageManifest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.core.transport.ErrorMapper;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.RequestBody;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.RetryBudget;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.RegistryEndpoints;
import dev.registryclient.oci.internal.Json;
import dev.registryclient.oci.manifest.ManifestCodec;
import dev.registryclient.oci.manifest.ManifestFetcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code PUT /v2/<name>/manifests/<reference>}: the exact bytes of a manifest, with its media type
 * as {@code Content-Type}, never serialised again, so its digest stays what it was. The registry's
 * {@code Docker-Content-Digest} must agree.
 *
 * <p>A manifest with an OCI 1.1 {@code subject} (a signature, an SBOM) is found through the
 * referrers API when the registry has one, which it says by answering {@code OCI-Subject}. When it
 * does not, the manifest is added to the index tagged with the referrers tag schema ({@code
 * sha256-<hex>} of the subject), as the distribution spec asks clients to do.
 */
public final class ManifestPusher {
  private static final Logger LOG = LoggerFactory.getLogger(ManifestPusher.class);

  private final Transport transport;
  private final RegistryEndpoints endpoints;
  private final String registryName;
  private final ManifestFetcher fetcher;

  /**
   * A pusher to one registry.
   *
   * @param registryName the registry as the caller names it, for messages
   * @param fetcher reads the referrers tag when the registry has no referrers API
   */
  public ManifestPusher(
      Transport transport,
      RegistryEndpoints endpoints,
      String registryName,
      ManifestFetcher fetcher) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    this.registryName = Objects.requireNonNull(registryName, "registryName");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  /**
   * Puts {@code manifest} under {@code reference} (a tag, or its digest) in {@code repository}.
   *
   * @return the manifest's descriptor (media type, digest, size)
   * @throws DigestMismatchException if the registry names another digest for the bytes
   */
  public Descriptor push(
      String repository, String reference, Manifest manifest, RetryBudget budget) {
    Descriptor descriptor =
        Descriptor.of(manifest.mediaType(), manifest.digest(), manifest.raw().length);
    Request put =
        Request.builder(endpoints.manifest(repository, reference))
            .method("PUT")
            .repository(repository)
            .phase(Phase.MANIFEST)
            .registryName(registryName)
            .retryBudget(budget)
            .body(RequestBody.of(manifest.raw(), manifest.mediaType().toString()))
            .build();
    Response response = transport.execute(put);
    Optional<String> subjectHeader;
    try {
      if (!response.isSuccessful()) {
        throw ErrorMapper.fromResponse(response);
      }
      Optional<String> answered = response.header("Docker-Content-Digest").map(String::strip);
      if (answered.isPresent() && !answered.get().equals(manifest.digest().toString())) {
        throw new DigestMismatchException(
            put.errorContext(),
            "manifest " + repository + ":" + reference + " as stored by the registry",
            manifest.digest().toString(),
            answered.get());
      }
      subjectHeader = response.header("OCI-Subject");
    } finally {
      response.closeQuietly();
    }
    Optional<Descriptor> subject = subjectOf(manifest);
    if (subject.isPresent() && subjectHeader.isEmpty()) {
      addToReferrersTag(repository, subject.get().digest(), manifest, descriptor, budget);
    }
    return descriptor;
  }

  private static Optional<Descriptor> subjectOf(Manifest manifest) {
    if (manifest instanceof ImageManifest image) {
      return image.subject();
    }
    if (manifest instanceof ImageIndex index) {
      return index.subject();
    }
    return Optional.empty();
  }

  /**
   * Adds {@code pushed} to the index tagged {@code <alg>-<hex>} of the subject, creating it if
   * needed; nothing changes when it is listed already.
   */
  private void addToReferrersTag(
      String repository, Digest subject, Manifest manifest, Descriptor pushed, RetryBudget budget) {
    String tag =
        subject.algorithm().prefix()
            + "-"
            + subject.hex().substring(0, Math.min(64, subject.hex().length()));
    ObjectNode index;
    try {
      Manifest existing = fetcher.fetch(repository, tag, List.of(MediaType.OCI_INDEX));
      index = (ObjectNode) Json.mapper().readTree(existing.raw());
    } catch (NotFoundException e) {
      index = Json.mapper().createObjectNode();
      index.put("schemaVersion", 2);
      index.put("mediaType", MediaType.OCI_INDEX.toString());
      index.putArray("manifests");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode listed = index.path("manifests");
    ArrayNode manifests = listed.isArray() ? (ArrayNode) listed : index.putArray("manifests");
    for (JsonNode entry : manifests) {
      if (pushed.digest().toString().equals(entry.path("digest").asText())) {
        return;
      }
    }
    ObjectNode entry = manifests.addObject();
    entry.put("mediaType", pushed.mediaType().toString());
    entry.put("digest", pushed.digest().toString());
    entry.put("size", pushed.size());
    artifactTypeOf(manifest).ifPresent(t -> entry.put("artifactType", t.toString()));
    Map<String, String> annotations = annotationsOf(manifest);
    if (!annotations.isEmpty()) {
      ObjectNode a = entry.putObject("annotations");
      annotations.forEach(a::put);
    }
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(index);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LOG.debug(
        "{} has no referrers API; listing {} under tag {}", registryName, pushed.digest(), tag);
    Manifest updated =
        ManifestCodec.defaults()
            .decode(
                bytes,
                Optional.of(MediaType.OCI_INDEX.toString()),
                Request.builder(endpoints.manifest(repository, tag))
                    .registryName(registryName)
                    .build()
                    .errorContext());
    push(repository, tag, updated, budget);
  }

  private static Optional<MediaType> artifactTypeOf(Manifest manifest) {
    if (manifest instanceof ImageManifest image) {
      return image.artifactType().or(() -> Optional.of(image.config().mediaType()));
    }
    if (manifest instanceof ImageIndex index) {
      return index.artifactType();
    }
    return Optional.empty();
  }

  private static Map<String, String> annotationsOf(Manifest manifest) {
    if (manifest instanceof ImageManifest image) {
      return image.annotations();
    }
    if (manifest instanceof ImageIndex index) {
      return index.annotations();
    }
    return Map.of();
  }
}
