package dev.registryclient.oci.push;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of one blob to upload: a blob of another registry, of a local store, or of a test. The
 * uploader reads each byte once on the normal path; it opens the blob again only when the target
 * registry lost what it had been sent.
 */
@FunctionalInterface
public interface BlobContent {

  /**
   * The blob's bytes from the start; the caller closes the stream. The stream need not be verified:
   * the uploader hashes what it sends and commits only the right digest.
   */
  InputStream open() throws IOException;
}
