package dev.registryclient.oci.pull;

import dev.registryclient.api.Digest;
import dev.registryclient.core.transport.RetryListener;
import java.util.Optional;

/**
 * Where a pull reads one repository from: manifests by tag or digest, and blob streams. The
 * registry implementation goes through the transport; tests use in-memory fakes.
 */
public interface ImageSource {

  /** The registry as named in references, e.g. {@code ghcr.io} or {@code localhost:5000}. */
  String registry();

  /** The repository, e.g. {@code library/alpine}. */
  String repository();

  /**
   * Fetches and parses a manifest, verifying its digest when {@code reference} is one (and against
   * {@code Docker-Content-Digest} when the registry sends it).
   *
   * @param reference a tag or a digest
   */
  FetchedManifest manifest(String reference);

  /**
   * Opens a blob for reading; the caller closes the stream. The stream is not verified: the store
   * writer checks size and digest. A source that retries or resumes cut connections does so within
   * one retry budget for the blob and reports each retry to {@code retries}.
   *
   * @param size the size from the descriptor, or -1 if unknown (schema 1), so a resuming source can
   *     tell an early end of the body from the real one
   * @param retries told about every retry, resume and signed-URL refresh of this blob
   */
  BlobStream openBlob(Digest digest, long size, RetryListener retries);

  /**
   * Opens the bytes {@code [from, to)} of a blob of {@code size} bytes, for one segment of a
   * segmented download: resumed within the range on a cut, with its own retry budget. Empty when
   * the source cannot serve ranges (the server answered {@code Range} with the whole blob); the
   * caller then reads the blob with {@link #openBlob}. The default is always empty.
   *
   * @param retries told about every retry, resume and signed-URL refresh of this range
   */
  default Optional<BlobStream> openBlobRange(
      Digest digest, long size, long from, long to, RetryListener retries) {
    return Optional.empty();
  }
}
