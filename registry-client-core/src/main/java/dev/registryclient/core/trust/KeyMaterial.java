package dev.registryclient.core.trust;

import dev.registryclient.api.exception.ConfigurationException;
import dev.registryclient.api.trust.KeySource;
import dev.registryclient.core.internal.io.BoundedRead;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.OptionalInt;

/**
 * The bytes of one {@link KeySource}, read with a size limit. Keys come from the trust policy, so a
 * key that cannot be read is a configuration error, raised before any signature is looked at (as
 * containers/image does: a broken fallback key is reported even while another key would verify).
 *
 * @param origin the file, or {@code keyData} for inline bytes: for messages
 * @param bytes the content
 */
record KeyMaterial(String origin, byte[] bytes) {

  /** More than any real key ring: Red Hat's release keys file is about 5 KiB. */
  static final int MAX_KEY_BYTES = 1 << 20;

  static final String INLINE_ORIGIN = "keyData";

  /**
   * Reads a key source.
   *
   * @throws ConfigurationException when the file cannot be read or is larger than 1 MiB
   */
  static KeyMaterial read(KeySource source) {
    if (source instanceof KeySource.Inline inline) {
      byte[] bytes = inline.bytes();
      if (bytes.length > MAX_KEY_BYTES) {
        throw invalid(INLINE_ORIGIN, tooLarge(), null);
      }
      return new KeyMaterial(INLINE_ORIGIN, bytes);
    }
    KeySource.FromFile file = (KeySource.FromFile) source;
    String origin = file.path().toString();
    try (InputStream in = Files.newInputStream(file.path())) {
      BoundedRead read = BoundedRead.of(in, MAX_KEY_BYTES);
      if (read.truncated()) {
        throw invalid(origin, tooLarge(), null);
      }
      return new KeyMaterial(origin, read.bytes());
    } catch (IOException e) {
      throw invalid(origin, "cannot read the key file: " + e, e);
    }
  }

  /** A configuration error about this key source. */
  ConfigurationException invalid(String detail, Throwable cause) {
    return invalid(origin, detail, cause);
  }

  private static ConfigurationException invalid(String origin, String detail, Throwable cause) {
    return new ConfigurationException(origin, OptionalInt.empty(), detail, cause);
  }

  private static String tooLarge() {
    return "a key file larger than " + (MAX_KEY_BYTES >> 20) + " MiB is not a key";
  }
}
