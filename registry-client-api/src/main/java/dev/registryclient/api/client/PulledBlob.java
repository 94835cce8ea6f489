package dev.registryclient.api.client;

import dev.registryclient.api.Digest;
import dev.registryclient.api.config.Source;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a pull did for one blob.
 *
 * <pre>{@code
 * result.blobs().stream().filter(PulledBlob::downloaded)
 *     .forEach(b -> System.out.println(b.digest() + " from " + b.host().orElseThrow()));
 * }</pre>
 *
 * @param digest the blob
 * @param size its size in bytes
 * @param host the host that served it (the registry, or a CDN it redirected to); empty when skipped
 * @param time how long the download took, retries included; zero when skipped
 * @param retries how many times the transfer was tried again: requests sent again, bodies resumed
 *     with {@code Range} and signed CDN URLs refreshed (each also a {@link PullEvent})
 * @param source the source that served it (a mirror, or the registry); empty when skipped
 * @param diffIdCheck for a layer of a pull with {@link PullRequest#verifyDiffIds(boolean)
 *     verifyDiffIds(true)}: whether its uncompressed content matched its config's diff_id, or why
 *     it was not checked; empty for configs and when not asked
 */
public record PulledBlob(
    Digest digest,
    long size,
    Optional<String> host,
    Duration time,
    int retries,
    Optional<Source> source,
    Optional<DiffIdCheck> diffIdCheck) {

  /**
   * A blob whose diff_id nobody asked about.
   *
   * @param digest the blob
   * @param size its size in bytes
   * @param host the host that served it (the registry, or a CDN it redirected to); empty when
   *     skipped
   * @param time how long the download took, retries included; zero when skipped
   * @param retries how many times the transfer was tried again: requests sent again, bodies resumed
   *     with {@code Range} and signed CDN URLs refreshed (each also a {@link PullEvent})
   * @param source the source that served it (a mirror, or the registry); empty when skipped
   */
  public PulledBlob(
      Digest digest,
      long size,
      Optional<String> host,
      Duration time,
      int retries,
      Optional<Source> source) {
    this(digest, size, host, time, retries, source, Optional.empty());
  }

  /**
   * A blob as served by the registry the reference names (no registry configuration).
   *
   * @param digest the blob
   * @param size its size in bytes
   * @param host the host that served it; empty when skipped
   * @param time how long the download took; zero when skipped
   * @param retries how many times the transfer was tried again
   */
  public PulledBlob(Digest digest, long size, Optional<String> host, Duration time, int retries) {
    this(digest, size, host, time, retries, Optional.empty());
  }

  /**
   * Checks for nulls and negative values.
   *
   * @param digest the blob
   * @param size its size in bytes
   * @param host the host that served it (the registry, or a CDN it redirected to); empty when
   *     skipped
   * @param time how long the download took, retries included; zero when skipped
   * @param retries how many times the transfer was tried again: requests sent again, bodies resumed
   *     with {@code Range} and signed CDN URLs refreshed (each also a {@link PullEvent})
   * @param source the source that served it (a mirror, or the registry); empty when skipped
   * @param diffIdCheck for a layer of a pull with {@link PullRequest#verifyDiffIds(boolean)
   *     verifyDiffIds(true)}: whether its uncompressed content matched its config's diff_id, or why
   *     it was not checked; empty for configs and when not asked
   */
  public PulledBlob {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(diffIdCheck, "diffIdCheck");
    if (size < 0 || retries < 0 || time.isNegative()) {
      throw new IllegalArgumentException("negative size, retries or time for " + digest);
    }
  }

  /**
   * A blob the target already had.
   *
   * @param digest the blob
   * @param size its size in bytes
   * @return a blob with no host, source or retries and zero time
   */
  public static PulledBlob skipped(Digest digest, long size) {
    return new PulledBlob(digest, size, Optional.empty(), Duration.ZERO, 0);
  }

  /**
   * This blob with what the diff_id check found.
   *
   * @param check the outcome of the diff_id check
   * @return a copy with {@code diffIdCheck} set
   */
  public PulledBlob withDiffIdCheck(DiffIdCheck check) {
    return new PulledBlob(digest, size, host, time, retries, source, Optional.of(check));
  }

  /**
   * Whether it was fetched by this pull (rather than found in the target).
   *
   * @return {@code true} if a host served it
   */
  public boolean downloaded() {
    return host.isPresent();
  }
}
