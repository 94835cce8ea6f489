package dev.registryclient.api.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.manifest.ImageConfig;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.api.trust.TrustPolicy;
import dev.registryclient.api.trust.TrustVerdict;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A client for container registries (Docker Registry HTTP API V2 / OCI Distribution): pull images,
 * inspect manifests and configs, stream blobs, list tags, repositories and referrers, and check
 * which hosts a pull needs.
 *
 * <pre>{@code
 * try (RegistryClient client = RegistryClient.builder()
 *         .defaultCredentials()                  // what docker login / podman login stored
 *         .parallelism(6)
 *         .build()) {
 *   PullResult r = client.pull("registry.example/ns/app:1.2")
 *       .platform(Platform.parse("linux/arm64"))
 *       .into(OciLayout.at(Path.of("out")))      // or any BlobStore
 *       .onProgress(listener)
 *       .execute();
 *   Manifest m = client.manifest("registry.example/ns/app@sha256:...");
 *   try (Stream<String> tags = client.tags("registry.example/ns/app")) {
 *     tags.forEach(System.out::println);
 *   }
 *   try (InputStream in = client.blob(ImageReference.parse("registry.example/ns/app"), digest)) {
 *     in.transferTo(out);
 *   }
 * }
 * }</pre>
 *
 * <p>References are parsed with {@link ImageReference#parse(String)}: {@code alpine} means {@code
 * docker.io/library/alpine:latest}. Loopback registries are spoken to over plain http, everything
 * else over https unless {@link RegistrySettings} say otherwise.
 *
 * <p>A client is thread-safe and meant to be shared; it holds a connection pool, tokens and worker
 * threads, all released by {@link #close()}. Failures are unchecked {@link
 * dev.registryclient.api.exception.RegistryException}s naming phase, registry, repository and the
 * host contacted.
 */
public interface RegistryClient extends AutoCloseable {

  /**
   * A builder for a client; the implementation is found on the class or module path.
   *
   * @return a new builder with default settings
   */
  static RegistryClientBuilder builder() {
    return new RegistryClientBuilder();
  }

  /**
   * Starts configuring a pull of {@code reference} (a tag or a digest).
   *
   * @param reference the image to pull, by tag or digest
   * @return a request to configure and {@linkplain PullRequest#execute() execute}
   */
  PullRequest pull(ImageReference reference);

  /**
   * {@link #pull(ImageReference)} with a parsed reference.
   *
   * @param reference the image to pull, e.g. {@code registry.example/ns/app:1.2}
   * @return a request to configure and {@linkplain PullRequest#execute() execute}
   * @throws IllegalArgumentException if {@code reference} is not a valid reference
   */
  default PullRequest pull(String reference) {
    return pull(ImageReference.parse(reference));
  }

  /**
   * Starts configuring a copy of {@code source} (a registry image) to {@code target} (a tag or
   * digest reference in any registry); see {@link CopyRequest}.
   *
   * <pre>{@code
   * client.copy(ImageReference.parse("quay.io/org/app:1"), ImageReference.parse("mirror/app:1"))
   *     .allPlatforms()
   *     .execute();
   * }</pre>
   *
   * @param source the image to copy, by tag or digest
   * @param target where to copy it: a tag or digest reference
   * @return a request to configure and {@linkplain CopyRequest#execute() execute}
   */
  CopyRequest copy(ImageReference source, ImageReference target);

  /**
   * {@link #copy(ImageReference, ImageReference)} with parsed references.
   *
   * @param source the image to copy, e.g. {@code quay.io/org/app:1}
   * @param target where to copy it, e.g. {@code mirror.internal:5000/app:1}
   * @return a request to configure and {@linkplain CopyRequest#execute() execute}
   * @throws IllegalArgumentException if either is not a valid reference
   */
  default CopyRequest copy(String source, String target) {
    return copy(ImageReference.parse(source), ImageReference.parse(target));
  }

  /**
   * Starts configuring a push of a local image (e.g. a tag of an OCI layout) to {@code target}; see
   * {@link CopyRequest}.
   *
   * <pre>{@code
   * client.push(OciLayout.at(dir).image("1.0"), ImageReference.parse("registry.example/app:1.0"))
   *     .allPlatforms()
   *     .execute();
   * }</pre>
   *
   * @param source the local image to push
   * @param target where to push it: a tag or digest reference
   * @return a request to configure and {@linkplain CopyRequest#execute() execute}
   */
  CopyRequest push(PushSource source, ImageReference target);

  /**
   * Starts configuring a sync of the tags of {@code sourceRepository} into {@code targetRepository}
   * (the same tags); see {@link SyncRequest}.
   *
   * @param sourceRepository the repository whose tags are synced
   * @param targetRepository the repository they are copied into
   * @return a request to configure and {@linkplain SyncRequest#execute() execute}
   */
  SyncRequest sync(ImageReference sourceRepository, ImageReference targetRepository);

  /**
   * {@link #sync(ImageReference, ImageReference)} with parsed references.
   *
   * @param sourceRepository the repository whose tags are synced, e.g. {@code quay.io/org/app}
   * @param targetRepository the repository they are copied into
   * @return a request to configure and {@linkplain SyncRequest#execute() execute}
   * @throws IllegalArgumentException if either is not a valid reference
   */
  default SyncRequest sync(String sourceRepository, String targetRepository) {
    return sync(ImageReference.parse(sourceRepository), ImageReference.parse(targetRepository));
  }

  /**
   * Starts configuring a sync of a list of images into a target namespace: each goes to {@code
   * <namespace>/<its repository>:<its tag>} (a digest reference keeps its digest).
   *
   * <pre>{@code
   * client.sync(List.of(ImageReference.parse("registry.redhat.io/ubi9/ubi:9.4")),
   *         "mirror.internal:5000/redhat")   // -> mirror.internal:5000/redhat/ubi9/ubi:9.4
   *     .execute();
   * }</pre>
   *
   * @param images the images to copy, each by tag or digest
   * @param targetNamespace a registry, or a registry and a path, e.g. {@code mirror:5000/ocp}
   * @return a request to configure and {@linkplain SyncRequest#execute() execute}
   */
  SyncRequest sync(List<ImageReference> images, String targetNamespace);

  /**
   * Fetches and parses the manifest (or index) {@code reference} names, verifying its digest.
   *
   * @param reference the manifest's tag or digest
   * @return the parsed manifest: an image manifest, index or schema 1 manifest
   * @throws dev.registryclient.api.exception.NotFoundException if there is none
   */
  Manifest manifest(ImageReference reference);

  /**
   * {@link #manifest(ImageReference)} with a parsed reference.
   *
   * @param reference the manifest's reference, e.g. {@code registry.example/ns/app@sha256:...}
   * @return the parsed manifest
   * @throws IllegalArgumentException if {@code reference} is not a valid reference
   */
  default Manifest manifest(String reference) {
    return manifest(ImageReference.parse(reference));
  }

  /**
   * What {@code reference} points at, by a {@code HEAD} request: digest, media type and size of its
   * manifest. No manifest body is transferred.
   *
   * @param reference the tag or digest to resolve
   * @return the descriptor of the manifest the reference names
   */
  Descriptor resolve(ImageReference reference);

  /**
   * {@link #resolve(ImageReference)} with a parsed reference.
   *
   * @param reference the tag or digest to resolve
   * @return the descriptor of the manifest the reference names
   * @throws IllegalArgumentException if {@code reference} is not a valid reference
   */
  default Descriptor resolve(String reference) {
    return resolve(ImageReference.parse(reference));
  }

  /**
   * The same tag as the registry serves it in the other manifest schema, when that document has
   * another digest: Docker schema 1 for a schema 2 or OCI {@code served}, schema 2 or OCI for a
   * schema 1 one. Old and new tools name the same image by these different digests, so this answers
   * "is {@code sha256:...} from that old log this tag?".
   *
   * <pre>{@code
   * Manifest served = client.manifest(tag);
   * Descriptor asServed = Descriptor.of(served.mediaType(), served.digest(), served.size());
   * for (Descriptor other : client.alternateDigests(tag, asServed)) {
   *   System.out.println(other.mediaType() + " " + other.digest());
   * }
   * }</pre>
   *
   * <p>One request: a {@code HEAD} (a verified {@code GET} if the {@code HEAD} carries no digest)
   * accepting only the other family. docker-registry with schema 1 compatibility answers a
   * schema-1-only request for a schema 2 tag with a schema 1 conversion it signs on the fly (a
   * stable digest); most registries hold one document per tag and answer 404 or the same document.
   * Any failure of this request (404, 400, a registry that ignores {@code Accept}) means "no
   * alternate", so the list is empty rather than an exception; it is also empty, without a request,
   * for a reference by digest, which names one document.
   *
   * @param reference the tag ({@code latest} when the reference names neither tag nor digest)
   * @param served the manifest the registry serves for it normally: media type, digest and size
   * @return the other document's media type, digest and size; empty when there is none
   */
  List<Descriptor> alternateDigests(ImageReference reference, Descriptor served);

  /**
   * {@link #alternateDigests(ImageReference, Descriptor)} of what {@code reference} names now,
   * found with {@link #resolve(ImageReference)} first (two {@code HEAD} requests in all).
   *
   * <pre>{@code
   * client.alternateDigests(ImageReference.parse("localhost:5000/app:1.0"));
   * // [Descriptor[mediaType=application/vnd.docker.distribution.manifest.v1+prettyjws, ...]]
   * }</pre>
   *
   * @param reference the tag; a reference by digest gives an empty list without a request
   * @return the other document's media type, digest and size; empty when there is none
   * @throws dev.registryclient.api.exception.NotFoundException if the tag does not exist
   */
  default List<Descriptor> alternateDigests(ImageReference reference) {
    if (reference.digest().isPresent()) {
      return List.of();
    }
    return alternateDigests(reference, resolve(reference));
  }

  /**
   * The image config of {@code reference} for this JVM's platform (chosen from an index if it is
   * one).
   *
   * @param reference the image, by tag or digest
   * @return the parsed image config
   * @throws dev.registryclient.api.exception.InvalidContentException for a schema 1 manifest, which
   *     has no config
   */
  default ImageConfig config(ImageReference reference) {
    return config(reference, Platform.current());
  }

  /**
   * The image config of {@code reference} for {@code platform}.
   *
   * @param reference the image, by tag or digest
   * @param platform the platform to choose from an index
   * @return the parsed image config
   */
  ImageConfig config(ImageReference reference, Platform platform);

  /**
   * Streams the blob {@code digest} of the repository {@code repository} names (a tag or digest in
   * it is ignored). The stream fails at its end if size or digest do not match; close it.
   *
   * @param repository the repository holding the blob
   * @param digest the blob's digest
   * @return a stream of the blob's bytes, which the caller must close
   */
  InputStream blob(ImageReference repository, Digest digest);

  /**
   * The tags of a repository, fetched lazily page by page. Close the stream (try-with-resources) to
   * release a page still being read.
   *
   * @param repository the repository; a tag or digest in it is ignored
   * @return a lazy stream of the tags, in the registry's order
   */
  Stream<String> tags(ImageReference repository);

  /**
   * {@link #tags(ImageReference)} with a parsed repository, e.g. {@code ghcr.io/org/app}.
   *
   * @param repository the repository, e.g. {@code ghcr.io/org/app}
   * @return a lazy stream of the tags, in the registry's order
   * @throws IllegalArgumentException if {@code repository} is not a valid reference
   */
  default Stream<String> tags(String repository) {
    return tags(ImageReference.parse(repository));
  }

  /**
   * The repositories of a registry ({@code host[:port]}), fetched lazily page by page; many public
   * registries refuse this.
   *
   * @param registry the registry, {@code host[:port]}
   * @return a lazy stream of repository names
   */
  Stream<String> catalog(String registry);

  /**
   * The manifests that refer to {@code reference} as their subject (signatures, SBOMs, ...),
   * optionally only those of one artifact type. A tag is resolved to its digest first.
   *
   * @param reference the subject manifest, by tag or digest
   * @param artifactType the artifact type to keep, or empty for all
   * @return the referrers' descriptors, possibly empty
   */
  List<Descriptor> referrers(ImageReference reference, Optional<MediaType> artifactType);

  /**
   * Which hosts a pull of {@code reference} contacts, and whether a connection to each works from
   * here: a pre-flight check for tools that verify firewall rules before a deployment.
   *
   * <pre>{@code
   * ReachabilityReport report = client.reachability(ImageReference.parse("quay.io/podman/hello"));
   * for (HostCheck host : report.hosts()) {
   *   System.out.println(host.hostAndPort() + " " + host.roles() + " " + host.reachable());
   * }
   * boolean deployable = report.passed();
   * }</pre>
   *
   * <p>It makes the requests a pull makes, with this client's credentials and settings: ping and
   * token, the manifest (for an index, that of this JVM's platform, else its first image), and the
   * {@code GET} of each blob, closed at its first response so that no blob body is downloaded; a
   * redirect to a CDN is followed to that first response, without the registry's credentials. Each
   * request is sent once (no retries), on connections of its own, so hosts the client has already
   * talked to are contacted again. Then each host contacted gets a connection check: TCP, plus a
   * TLS handshake verified as the pull verifies it for https hosts, within the registry's
   * {@linkplain RegistrySettings#connectTimeout() connect timeout} (5 s when none is set). The
   * check connects directly, not through a proxy.
   *
   * <p>A request that fails does not throw: the report holds the {@link
   * ReachabilityReport#failure() failure} and the hosts contacted until then, each checked.
   *
   * @param reference the image a pull would fetch
   * @return the hosts contacted, their checks and any failure
   */
  ReachabilityReport reachability(ImageReference reference);

  /**
   * {@link #reachability(ImageReference)} with a parsed reference.
   *
   * @param reference the image a pull would fetch
   * @return the hosts contacted, their checks and any failure
   * @throws IllegalArgumentException if {@code reference} is not a valid reference
   */
  default ReachabilityReport reachability(String reference) {
    return reachability(ImageReference.parse(reference));
  }

  /**
   * What {@code policy} decides about {@code reference}: its manifest's signatures are fetched
   * (lookaside stores, the registry's signature API, sigstore {@code .sig} tags) and checked; every
   * signature looked at is in the verdict. Nothing is pulled.
   *
   * <pre>{@code
   * TrustVerdict v = client.verify(ImageReference.parse("registry.redhat.io/ubi9/ubi:9.4"), policy);
   * if (!v.accepted()) System.err.println(v.reason());
   * }</pre>
   *
   * @param reference the image to check, by tag or digest
   * @param policy the trust policy to apply
   * @return the policy's decision, with every signature looked at
   */
  TrustVerdict verify(ImageReference reference, TrustPolicy policy);

  /**
   * {@link #verify(ImageReference, TrustPolicy)} with the client's own policy ({@link
   * RegistryClientBuilder#trustPolicy(TrustPolicy)}).
   *
   * <pre>{@code
   * try (RegistryClient client = RegistryClient.builder()
   *     .policyJson(Path.of("policy.json")).registriesD(Path.of("registries.d")).build()) {
   *   client.verify(ImageReference.parse("registry.redhat.io/ubi9/ubi:9.4")).checks()
   *       .forEach(c -> System.out.println(c.signer().orElse("?") + " " + c.reason()));
   * }
   * }</pre>
   *
   * @param reference the image to check, by tag or digest
   * @return the policy's decision, with every signature looked at
   * @throws IllegalStateException if the client has no trust policy
   */
  TrustVerdict verify(ImageReference reference);

  /**
   * {@link #reachability(ImageReference)} for every source the client's registry configuration
   * gives {@code reference} (its mirrors, then its location), in the order a pull tries them; one
   * report when there is no configuration. A fleet behind a mirror needs only one source to pass.
   *
   * <pre>{@code
   * List<ReachabilityReport> sources = client.sourceReachability(ref);
   * boolean pullable = sources.stream().anyMatch(ReachabilityReport::passed);
   * }</pre>
   *
   * @param reference the image a pull would fetch
   * @return one report per source, in the order a pull tries them
   */
  List<ReachabilityReport> sourceReachability(ImageReference reference);

  /** Releases connections, tokens and threads; pulls still running fail. */
  @Override
  void close();
}
