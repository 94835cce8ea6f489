package dev.registryclient.oci.layer;

import java.security.MessageDigest;

/** An uncompressed tar: the blob's bytes are the content. */
final class PlainLayerDecoder implements LayerDecoder {
  private final MessageDigest uncompressed;

  PlainLayerDecoder(MessageDigest uncompressed) {
    this.uncompressed = uncompressed;
  }

  @Override
  public void decode(byte[] bytes, int offset, int length) {
    uncompressed.update(bytes, offset, length);
  }

  @Override
  public void finish() {
    // a tar of any length is content; tar format is not this check's business
  }

  @Override
  public void close() {
    // nothing held
  }
}
