package dev.registryclient.core.transport;

import dev.registryclient.api.exception.Phase;
import java.util.Optional;

/**
 * What a distribution-spec path says about a request: {@code /v2/<name>/manifests/<ref>} is the
 * manifest phase of repository {@code <name>}. Used for defaults only; callers may override.
 */
record RegistryPath(Optional<String> repository, Phase phase) {
  private static final String[] KINDS = {
    "/manifests/", "/blobs/uploads", "/blobs/", "/tags/", "/referrers/"
  };
  private static final Phase[] PHASES = {
    Phase.MANIFEST, Phase.UPLOAD, Phase.BLOB, Phase.TAGS, Phase.REFERRERS
  };

  static RegistryPath parse(String rawPath) {
    String path = rawPath == null ? "" : rawPath;
    if (!path.startsWith("/v2/")) {
      return new RegistryPath(Optional.empty(), Phase.REDIRECT);
    }
    if (path.equals("/v2/") || path.equals("/v2")) {
      return new RegistryPath(Optional.empty(), Phase.PING);
    }
    if (path.startsWith("/v2/_catalog")) {
      return new RegistryPath(Optional.empty(), Phase.CATALOG);
    }
    for (int i = 0; i < KINDS.length; i++) {
      int at = path.lastIndexOf(KINDS[i]);
      if (at > "/v2/".length()) {
        return new RegistryPath(Optional.of(path.substring(4, at)), PHASES[i]);
      }
    }
    return new RegistryPath(Optional.empty(), Phase.MANIFEST);
  }
}
