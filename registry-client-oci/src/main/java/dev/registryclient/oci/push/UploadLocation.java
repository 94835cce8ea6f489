package dev.registryclient.oci.push;

import dev.registryclient.api.Digest;
import dev.registryclient.core.transport.LocationResolver;
import java.net.URI;
import java.util.Optional;

/**
 * Where the next step of an upload goes. Registries put session state in the {@code Location} they
 * answer (distribution signs it into {@code _state=}), so it is followed exactly: resolved against
 * the URL it came from if relative, and its query kept byte for byte when {@code digest=} is added.
 */
final class UploadLocation {
  private UploadLocation() {}

  /**
   * The absolute upload URL a step answered with.
   *
   * @throws IllegalArgumentException if the answer has no usable {@code Location}
   */
  static URI next(URI requested, Optional<String> location) {
    return LocationResolver.resolve(
        requested,
        location.orElseThrow(
            () -> new IllegalArgumentException("the registry answered without a Location")));
  }

  /** {@code location} with {@code digest=<digest>} appended to its query, the rest untouched. */
  static URI withDigest(URI location, Digest digest) {
    String raw = location.toString();
    int hash = raw.indexOf('#');
    String base = hash >= 0 ? raw.substring(0, hash) : raw;
    String separator =
        location.getRawQuery() == null ? "?" : base.endsWith("&") || base.endsWith("?") ? "" : "&";
    return URI.create(base + separator + "digest=" + digest);
  }
}
