package dev.registryclient.oci.manifest;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.exception.DigestMismatchException;
import dev.registryclient.api.exception.ErrorContext;
import dev.registryclient.api.exception.InvalidContentException;
import dev.registryclient.api.exception.Phase;
import dev.registryclient.api.manifest.ImageConfig;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.core.transport.Request;
import dev.registryclient.core.transport.Response;
import dev.registryclient.core.transport.Transport;
import dev.registryclient.oci.RegistryEndpoints;
import dev.registryclient.oci.internal.RegistryCalls;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetches manifests and image configs from one registry over a core {@link Transport}, verifying
 * every byte against the digest it was promised by.
 *
 * <ul>
 *   <li>By digest: the computed digest must equal the reference.
 *   <li>By tag: when the registry sends {@code Docker-Content-Digest}, the computed digest must
 *       equal it (for signed schema 1, the digest of the payload without signatures).
 * </ul>
 *
 * A mismatch is a {@link DigestMismatchException} and nothing is returned. Documents above the
 * codec's size limit (4 MiB by default) are refused without being read whole. Error answers become
 * the typed exceptions of core's {@code ErrorMapper} ({@code MANIFEST_UNKNOWN} is a {@code
 * NotFoundException}, {@code DENIED} an {@code AuthorizationException}, ...) naming host,
 * repository and phase; a missing manifest is named as the user would write it ({@code manifest
 * 127.0.0.1:5000/demo/small:nosuch not found}), on HEAD too.
 *
 * <pre>{@code
 * ManifestFetcher fetcher = ManifestFetcher.create(transport, RegistryEndpoints.of(registryUri));
 * Descriptor head = fetcher.resolve("library/alpine", "3.19");   // cheap HEAD
 * Manifest manifest = fetcher.fetch("library/alpine", head.digest().toString());
 * if (manifest instanceof ImageManifest image) {
 *   ImageConfig config = fetcher.fetchConfig("library/alpine", image.config());
 * }
 * }</pre>
 *
 * <p>Thread-safe when the transport is.
 */
public final class ManifestFetcher {
  private final Transport transport;
  private final RegistryEndpoints endpoints;
  private final ManifestCodec codec;
  private final ManifestVerifier verifier;
  private final Optional<String> registryName;

  private ManifestFetcher(
      Transport transport,
      RegistryEndpoints endpoints,
      ManifestCodec codec,
      Optional<String> registryName) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.verifier = new ManifestVerifier(codec);
    this.registryName = registryName;
  }

  /**
   * A fetcher with the default codec (4 MiB limit).
   *
   * @param transport the transport every request goes through
   * @param endpoints the registry's URLs
   * @return a new fetcher
   */
  public static ManifestFetcher create(Transport transport, RegistryEndpoints endpoints) {
    return create(transport, endpoints, ManifestCodec.defaults());
  }

  /**
   * A fetcher whose size limit is {@code codec}'s.
   *
   * @param transport the transport every request goes through
   * @param endpoints the registry's URLs
   * @param codec decodes manifests and configs and sets the size limit
   * @return a new fetcher
   */
  public static ManifestFetcher create(
      Transport transport, RegistryEndpoints endpoints, ManifestCodec codec) {
    return new ManifestFetcher(transport, endpoints, codec, Optional.empty());
  }

  /**
   * This fetcher naming the registry {@code name} in its errors, as references name it: {@code
   * docker.io} rather than the API host {@code registry-1.docker.io}, which the errors still give
   * as the host contacted.
   *
   * @param name the registry as references name it, such as {@code docker.io}
   * @return a copy of this fetcher naming {@code name} in its errors
   */
  public ManifestFetcher namingRegistry(String name) {
    return new ManifestFetcher(transport, endpoints, codec, Optional.of(name));
  }

  /**
   * GETs the manifest {@code reference} (a tag or a digest) of {@code repository}, accepting every
   * type in {@link ManifestCodec#READABLE_TYPES}.
   *
   * @param repository the repository name, such as {@code library/alpine}
   * @param reference a tag or a digest
   * @return the verified, decoded manifest
   * @throws IllegalArgumentException if the repository or reference is malformed
   * @throws DigestMismatchException if the bytes do not match the reference or the registry's
   *     {@code Docker-Content-Digest}
   * @throws InvalidContentException if the document is too big, unreadable, or of an unknown type
   * @throws dev.registryclient.api.exception.NotFoundException if the registry does not have it
   */
  public Manifest fetch(String repository, String reference) {
    return fetch(repository, reference, ManifestCodec.READABLE_TYPES);
  }

  /**
   * Like {@link #fetch(String, String)}, asking only for the {@code accepted} types.
   *
   * @param repository the repository name, such as {@code library/alpine}
   * @param reference a tag or a digest
   * @param accepted the manifest media types to send in {@code Accept}; not empty
   * @return the verified, decoded manifest
   * @throws IllegalArgumentException if {@code accepted} is empty, or the repository or reference
   *     is malformed
   */
  public Manifest fetch(String repository, String reference, List<MediaType> accepted) {
    Request request = manifestRequest(repository, reference, accepted, "GET");
    Response response = send(request);
    try {
      ErrorContext context = response.request().errorContext();
      byte[] bytes = RegistryCalls.readBody(response, codec.maxBytes(), "manifest");
      Optional<Digest> expected = expectedDigest(reference, response, context);
      String where = "manifest " + repository + (Digest.isValid(reference) ? "@" : ":") + reference;
      return verifier.decode(bytes, response.header("Content-Type"), expected, where, context);
    } finally {
      response.closeQuietly();
    }
  }

  /**
   * Resolves {@code reference} to the digest, media type and size of the manifest it names, with a
   * HEAD request; falls back to a GET (verified as in {@link #fetch}) when the registry omits
   * {@code Docker-Content-Digest} (for a tag), {@code Content-Type} or {@code Content-Length}.
   *
   * @param repository the repository name, such as {@code library/alpine}
   * @param reference a tag or a digest
   * @return the manifest's media type, digest and size
   */
  public Descriptor resolve(String repository, String reference) {
    return resolve(repository, reference, ManifestCodec.READABLE_TYPES);
  }

  /**
   * Like {@link #resolve(String, String)}, asking only for the {@code accepted} types.
   *
   * @param repository the repository name, such as {@code library/alpine}
   * @param reference a tag or a digest
   * @param accepted the manifest media types to send in {@code Accept}; not empty
   * @return the manifest's media type, digest and size
   * @throws IllegalArgumentException if {@code accepted} is empty, or the repository or reference
   *     is malformed
   */
  public Descriptor resolve(String repository, String reference, List<MediaType> accepted) {
    Request request = manifestRequest(repository, reference, accepted, "HEAD");
    Response response = send(request);
    try {
      Optional<Descriptor> fromHeaders =
          ManifestHead.describe(reference, response, response.request().errorContext());
      if (fromHeaders.isPresent()) {
        return fromHeaders.get();
      }
    } finally {
      response.closeQuietly();
    }
    Manifest manifest = fetch(repository, reference, accepted);
    return Descriptor.of(manifest.mediaType(), manifest.digest(), manifest.size());
  }

  /**
   * GETs the config blob {@code config} of {@code repository} and decodes it.
   *
   * @param repository the repository name, such as {@code library/alpine}
   * @param config the config's descriptor, as an image manifest gives it
   * @return the decoded config
   * @throws InvalidContentException if the descriptor announces more than the size limit, or the
   *     blob is not a config
   * @throws DigestMismatchException if the bytes do not match the descriptor's digest and size
   */
  public ImageConfig fetchConfig(String repository, Descriptor config) {
    Request request =
        named(Request.builder(endpoints.blob(repository, config.digest())))
            .phase(Phase.CONFIG)
            .build();
    ErrorContext context = request.errorContext();
    if (config.size() > codec.maxBytes()) {
      throw new InvalidContentException(
          context,
          "config "
              + config.digest()
              + " announces "
              + config.size()
              + " bytes, above the "
              + codec.maxBytes()
              + " byte limit");
    }
    Response response = send(request);
    byte[] bytes;
    try {
      bytes = RegistryCalls.readBody(response, codec.maxBytes(), "config");
    } finally {
      response.closeQuietly();
    }
    String where = "config " + repository + "@" + config.digest();
    if (!config.digest().matches(bytes)) {
      Digest actual = Digest.compute(config.digest().algorithm(), bytes);
      throw new DigestMismatchException(context, where, config.digest().toString(), "" + actual);
    }
    if (bytes.length != config.size()) {
      throw new DigestMismatchException(
          context, where, config.size() + " bytes", bytes.length + " bytes");
    }
    return codec.decodeConfig(bytes, config.mediaType(), context);
  }

  private Request manifestRequest(
      String repository, String reference, List<MediaType> accepted, String method) {
    if (accepted.isEmpty()) {
      throw new IllegalArgumentException("accepted media types must not be empty");
    }
    return named(Request.builder(endpoints.manifest(repository, reference)))
        .method(method)
        .header("Accept", ManifestCodec.accept(accepted))
        .phase(Phase.MANIFEST)
        .build();
  }

  /** Sends {@code request}; an error answer becomes the mapped exception (closing it). */
  private Response send(Request request) {
    return RegistryCalls.send(transport, request);
  }

  /** Names the registry in this request's errors as the caller does, when it was told so. */
  private Request.Builder named(Request.Builder request) {
    registryName.ifPresent(request::registryName);
    return request;
  }

  /** The digest the served bytes must have: the reference itself, or the registry's header. */
  private static Optional<Digest> expectedDigest(
      String reference, Response response, ErrorContext context) {
    if (Digest.isValid(reference)) {
      return Optional.of(Digest.parse(reference));
    }
    return ManifestHead.headerDigest(response, context);
  }

  @Override
  public String toString() {
    return "ManifestFetcher[" + endpoints.base() + "]";
  }
}
