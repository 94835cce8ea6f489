package dev.registryclient.oci.copy;

import dev.registryclient.api.Descriptor;
import dev.registryclient.api.Digest;
import dev.registryclient.api.manifest.Manifest;
import dev.registryclient.core.transport.RetryListener;
import dev.registryclient.oci.push.BlobContent;
import java.util.Optional;

/**
 * Where a copy reads an image from: a repository of a registry, or a local store (a push). Every
 * manifest comes back with its exact bytes and verified digest; blob bytes are verified by the
 * uploader, which hashes what it sends.
 */
public interface CopySource {

  /** How results and messages name the source, e.g. {@code quay.io/org/app:1}. */
  String name();

  /** The manifest the copy starts from (a tag's, or the one a push names). */
  Manifest top();

  /** A child manifest of an index, by its descriptor. */
  Manifest manifest(Descriptor child);

  /**
   * The bytes of a blob, opened when the uploader needs them.
   *
   * @param size its size, or -1 when unknown (schema 1)
   * @param retries told about retries and resumes of the download
   */
  BlobContent blob(Digest digest, long size, RetryListener retries);

  /**
   * The registry (API origin, e.g. {@code https://quay.io:443}) and repository the source is, when
   * it is one: a target in the same registry mounts blobs from it instead of uploading.
   */
  Optional<Location> location();

  /**
   * A repository of a registry.
   *
   * @param origin the registry's API origin, {@code scheme://host:port}
   * @param repository the repository
   */
  record Location(String origin, String repository) {}
}
