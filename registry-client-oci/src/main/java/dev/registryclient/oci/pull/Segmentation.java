package dev.registryclient.oci.pull;

/**
 * When a pull downloads one blob as several byte ranges on several connections at once (a segmented
 * download), and how it cuts the blob. Only blobs of at least {@link #minBlobSize} bytes are
 * segmented, only when the pull has connections to spare (its {@code parallelism} bounds every
 * connection it holds, segments included), and only when the target store takes positional writes
 * ({@link dev.registryclient.api.store.PositionalWrites}). Segments are at least {@link
 * #minSegmentSize} bytes, and about eight per connection, fetched in order, so the hashed prefix
 * follows the downloads closely.
 *
 * <pre>{@code
 * PullOptions.into(target).withSegmentation(Segmentation.OFF);   // always one stream per blob
 * new Segmentation(true, 64L << 20, 32L << 20);                  // only from 64 MiB, 32 MiB segments
 * }</pre>
 *
 * @param enabled whether blobs may be segmented at all
 * @param minBlobSize the smallest blob that is segmented
 * @param minSegmentSize the smallest segment
 */
public record Segmentation(boolean enabled, long minBlobSize, long minSegmentSize) {
  private static final long MIB = 1024 * 1024;
  private static final int SEGMENTS_PER_CONNECTION = 8;

  /** Blobs of 32 MiB or more, in segments of at least 16 MiB. */
  public static final Segmentation DEFAULT = new Segmentation(true, 32 * MIB, 16 * MIB);

  /** Every blob in one stream. */
  public static final Segmentation OFF = new Segmentation(false, Long.MAX_VALUE, Long.MAX_VALUE);

  /** Validates. */
  public Segmentation {
    if (minSegmentSize < 1 || minBlobSize < 2) {
      throw new IllegalArgumentException(
          "segments need minBlobSize >= 2 and minSegmentSize >= 1: "
              + minBlobSize
              + ", "
              + minSegmentSize);
    }
  }

  /** How many connections a blob of {@code size} bytes could use: 1 when it is not segmented. */
  int usefulConnections(long size) {
    if (!enabled || size < minBlobSize) {
      return 1;
    }
    return (int) Math.max(1, Math.min(64, size / minSegmentSize));
  }

  /** The segment size for a blob of {@code size} bytes on {@code connections} connections. */
  long segmentSize(long size, int connections) {
    long even = -Math.floorDiv(-size, (long) connections * SEGMENTS_PER_CONNECTION);
    return Math.max(minSegmentSize, even);
  }
}
