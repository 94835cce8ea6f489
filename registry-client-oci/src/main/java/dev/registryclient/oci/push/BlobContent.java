package dev.registryclient.oci.push;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of one blob to upload, readable from any offset: a blob of another registry (opened
 * with {@code Range}), of a local store, or of a test. The uploader reads each byte once on the
 * normal path; it opens again only when the target registry lost what it had been sent.
 */
@FunctionalInterface
public interface BlobContent {

  /**
   * The blob's bytes from {@code offset} on; the caller closes the stream. The stream need not be
   * verified: the uploader hashes what it sends and commits only the right digest.
   */
  InputStream open(long offset) throws IOException;
}
