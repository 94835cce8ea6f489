package dev.registryclient.oci.layer;

import java.util.Optional;

/**
 * Whether zstd-jni can decode here: it is an optional dependency, and its native library may not
 * load on every platform (or from a {@code noexec} temporary directory). Probed once, by name, so
 * this class links without zstd-jni present; {@link ZstdLayerDecoder}, which uses zstd-jni's types,
 * is loaded only when the probe succeeded.
 */
final class ZstdAvailability {
  private static final String CONTEXT = "com.github.luben.zstd.ZstdDecompressCtx";
  private static final Optional<String> REASON = probe();

  private ZstdAvailability() {}

  /** Why zstd layers cannot be decoded here, or empty if they can. */
  static Optional<String> unavailableReason() {
    return REASON;
  }

  private static Optional<String> probe() {
    try {
      // initialising the class loads libzstd (zstd-jni's static initialiser)
      Class.forName(CONTEXT, true, ZstdAvailability.class.getClassLoader());
      return Optional.empty();
    } catch (ClassNotFoundException e) {
      return Optional.of("zstd-jni is not on the class or module path");
    } catch (LinkageError e) {
      return Optional.of("zstd-jni's native library does not load here: " + e);
    }
  }
}
