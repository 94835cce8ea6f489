package dev.registryclient.api.client;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.ImageReference;
import dev.registryclient.api.MediaType;
import dev.registryclient.api.Platform;
import dev.registryclient.api.manifest.ImageConfig;
import dev.registryclient.api.manifest.Manifest;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A client for container registries (Docker Registry HTTP API V2 / OCI Distribution): pull images,
 * inspect manifests and configs, stream blobs, list tags, repositories and referrers.
 *
 * <pre>{@code
 * try (RegistryClient client = RegistryClient.builder()
 *         .credentials(CredentialProviders.defaultChain())
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

  /** A builder for a client; the implementation is found on the class or module path. */
  static RegistryClientBuilder builder() {
    return new RegistryClientBuilder();
  }

  /** Starts configuring a pull of {@code reference} (a tag or a digest). */
  PullRequest pull(ImageReference reference);

  /** {@link #pull(ImageReference)} with a parsed reference. */
  default PullRequest pull(String reference) {
    return pull(ImageReference.parse(reference));
  }

  /**
   * Fetches and parses the manifest (or index) {@code reference} names, verifying its digest.
   *
   * @throws dev.registryclient.api.exception.NotFoundException if there is none
   */
  Manifest manifest(ImageReference reference);

  /** {@link #manifest(ImageReference)} with a parsed reference. */
  default Manifest manifest(String reference) {
    return manifest(ImageReference.parse(reference));
  }

  /**
   * What {@code reference} points at, by a {@code HEAD} request: digest, media type and size of its
   * manifest. No manifest body is transferred.
   */
  Descriptor resolve(ImageReference reference);

  /** {@link #resolve(ImageReference)} with a parsed reference. */
  default Descriptor resolve(String reference) {
    return resolve(ImageReference.parse(reference));
  }

  /**
   * The image config of {@code reference} for this JVM's platform (chosen from an index if it is
   * one).
   *
   * @throws dev.registryclient.api.exception.InvalidContentException for a schema 1 manifest, which
   *     has no config
   */
  default ImageConfig config(ImageReference reference) {
    return config(reference, Platform.current());
  }

  /** The image config of {@code reference} for {@code platform}. */
  ImageConfig config(ImageReference reference, Platform platform);

  /**
   * Streams the blob {@code digest} of the repository {@code repository} names (a tag or digest in
   * it is ignored). The stream fails at its end if size or digest do not match; close it.
   */
  InputStream blob(ImageReference repository, Digest digest);

  /**
   * The tags of a repository, fetched lazily page by page. Close the stream (try-with-resources) to
   * release a page still being read.
   */
  Stream<String> tags(ImageReference repository);

  /** {@link #tags(ImageReference)} with a parsed repository, e.g. {@code ghcr.io/org/app}. */
  default Stream<String> tags(String repository) {
    return tags(ImageReference.parse(repository));
  }

  /**
   * The repositories of a registry ({@code host[:port]}), fetched lazily page by page; many public
   * registries refuse this.
   */
  Stream<String> catalog(String registry);

  /**
   * The manifests that refer to {@code reference} as their subject (signatures, SBOMs, ...),
   * optionally only those of one artifact type. A tag is resolved to its digest first.
   */
  List<Descriptor> referrers(ImageReference reference, Optional<MediaType> artifactType);

  /** Releases connections, tokens and threads; pulls still running fail. */
  @Override
  void close();
}
