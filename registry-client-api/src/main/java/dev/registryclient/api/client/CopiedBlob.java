package dev.registryclient.api.client;

import dev.registryclient.api.Digest;
import java.util.Objects;

/**
 * What a copy or push did for one blob.
 *
 * @param digest the blob
 * @param size its size in bytes (-1 when a schema 1 manifest does not say and nothing was sent)
 * @param outcome uploaded, mounted or already present
 * @param retries retries and resumes of its download and upload
 */
public record CopiedBlob(Digest digest, long size, Outcome outcome, int retries) {

  /** What happened to a blob. */
  public enum Outcome {
    /** Its bytes were sent to the target. */
    UPLOADED,
    /** The target registry linked it from another repository; no bytes were sent. */
    MOUNTED,
    /** The target had it already. */
    SKIPPED
  }

  /**
   * Checks for nulls and negative retries.
   *
   * @param digest the blob
   * @param size its size in bytes (-1 when a schema 1 manifest does not say and nothing was sent)
   * @param outcome uploaded, mounted or already present
   * @param retries retries and resumes of its download and upload
   */
  public CopiedBlob {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(outcome, "outcome");
    if (retries < 0 || size < -1) {
      throw new IllegalArgumentException("negative retries or size for " + digest);
    }
  }
}
