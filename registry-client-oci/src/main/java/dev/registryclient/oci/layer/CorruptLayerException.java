package dev.registryclient.oci.layer;

/**
 * A layer's compressed bytes could not be decoded: a bad header, corrupt data, a checksum that does
 * not match, input that ends too early, or trailing bytes that are not another member. Checked, so
 * every decoder failure is turned into the pull's typed exception in one place.
 */
public final class CorruptLayerException extends Exception {
  private static final long serialVersionUID = 1L;

  CorruptLayerException(String detail) {
    super(detail);
  }

  CorruptLayerException(String detail, Throwable cause) {
    super(detail, cause);
  }
}
