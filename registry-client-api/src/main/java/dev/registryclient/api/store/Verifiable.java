package dev.registryclient.api.store;

import dev.registryclient.api.Digest;
import dev.registryclient.api.exception.BlobNotFoundInStoreException;
import dev.registryclient.api.exception.DigestMismatchException;

/**
 * A store that can re-hash what it holds, to detect bit rot or tampering after the fact.
 *
 * <pre>{@code
 * ScrubReport report = store.capability(Verifiable.class).orElseThrow().scrub();
 * report.removed().forEach(d -> log.warn("re-pull {}", d));
 * }</pre>
 */
public interface Verifiable extends BlobStoreCapability {

  /**
   * Re-reads the blob and checks its digest and size.
   *
   * @param digest the blob's digest
   * @throws BlobNotFoundInStoreException if it is not present
   * @throws DigestMismatchException if its bytes no longer match its name; the blob is left alone
   */
  void verify(Digest digest);

  /**
   * Verifies every blob and removes those whose bytes do not match their digest, so the store only
   * ever answers with content that is what it claims to be.
   *
   * @return how many blobs were checked and which were removed
   */
  ScrubReport scrub();
}
