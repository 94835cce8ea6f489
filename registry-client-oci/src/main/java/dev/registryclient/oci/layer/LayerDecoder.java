package dev.registryclient.oci.layer;

/**
 * Decompresses a layer pushed to it in chunks as they arrive, writing the uncompressed bytes into a
 * digest. Implementations use fixed-size buffers only, so memory does not grow with the input, and
 * keep no reference to a chunk after {@link #decode} returns (the caller reuses its buffer).
 */
interface LayerDecoder extends AutoCloseable {

  /** Decodes the next {@code length} compressed bytes. */
  void decode(byte[] bytes, int offset, int length) throws CorruptLayerException;

  /** The compressed input ended; throws if it ended inside a member or frame, or was empty. */
  void finish() throws CorruptLayerException;

  /** Releases native memory (inflater, zstd context). Idempotent. */
  @Override
  void close();
}
