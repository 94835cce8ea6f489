package dev.registryclient.oci.layer;

import dev.registryclient.api.Digest;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The SHA-256 of a layer's uncompressed content, computed from its compressed bytes as they are
 * pushed, chunk by chunk, in one pass and in bounded memory. A decoding failure is remembered (and
 * later bytes ignored) until {@link #finish()}, so the caller can first check the compressed
 * digest: a blob cut or corrupted in transit is reported as that, not as a bad layer.
 *
 * <pre>{@code
 * try (UncompressedDigest diffId = UncompressedDigest.start(LayerCompression.GZIP)) {
 *   diffId.update(chunk, 0, n);           // as bytes arrive
 *   Digest d = diffId.finish();           // throws CorruptLayerException for bad gzip
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one per layer transfer.
 */
public final class UncompressedDigest implements AutoCloseable {
  private final MessageDigest sha256 = Digest.Algorithm.SHA256.newMessageDigest();
  private final LayerDecoder decoder;
  private CorruptLayerException failure;

  private UncompressedDigest(LayerCompression compression) {
    this.decoder = compression.decoder(sha256);
  }

  /**
   * Starts digesting a layer compressed with {@code compression}.
   *
   * @throws UnsupportedOperationException for zstd when zstd-jni is not available; check {@link
   *     #unavailableReason(LayerCompression)} first
   */
  public static UncompressedDigest start(LayerCompression compression) {
    unavailableReason(compression)
        .ifPresent(
            why -> {
              throw new UnsupportedOperationException(why);
            });
    return new UncompressedDigest(compression);
  }

  /** Why layers of {@code compression} cannot be decoded here (zstd without zstd-jni), if so. */
  public static Optional<String> unavailableReason(LayerCompression compression) {
    return compression == LayerCompression.ZSTD
        ? ZstdAvailability.unavailableReason()
        : Optional.empty();
  }

  /** Feeds the next compressed bytes. Never throws for bad data: see {@link #finish()}. */
  public void update(byte[] bytes, int offset, int length) {
    if (failure != null) {
      return;
    }
    try {
      decoder.decode(bytes, offset, length);
    } catch (CorruptLayerException e) {
      failure = e;
    } catch (RuntimeException e) {
      // hostile input must not escape as anything but the layer's failure
      failure = new CorruptLayerException("decoder failed: " + e, e);
    }
  }

  /**
   * The digest of the uncompressed content.
   *
   * @throws CorruptLayerException if the compressed bytes could not be decoded or ended early
   */
  public Digest finish() throws CorruptLayerException {
    if (failure == null) {
      try {
        decoder.finish();
      } catch (CorruptLayerException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw failure;
    }
    return Digest.fromBytes(Digest.Algorithm.SHA256, sha256.digest());
  }

  /** Frees the decoder's native memory. */
  @Override
  public void close() {
    decoder.close();
  }
}
