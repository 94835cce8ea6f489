package dev.registryclient.core.auth.credentials;

import java.util.Locale;
import java.util.Set;

/**
 * Normalises the ways files name a registry: {@code https://index.docker.io/v1/}, {@code
 * http://host:5000}, {@code HOST}. All Docker Hub names become {@code docker.io}.
 */
final class RegistryHosts {
  static final String DOCKER_HUB = "docker.io";
  static final String DOCKER_HUB_LEGACY_KEY = "https://index.docker.io/v1/";
  private static final Set<String> DOCKER_HUB_ALIASES =
      Set.of("docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com");

  private RegistryHosts() {}

  /** {@code host[:port]} of a file key or host name, lower case, Docker Hub as docker.io. */
  static String canonical(String keyOrHost) {
    String s = keyOrHost.strip().toLowerCase(Locale.ROOT);
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int slash = s.indexOf('/');
    if (slash >= 0) {
      s = s.substring(0, slash);
    }
    return DOCKER_HUB_ALIASES.contains(s) ? DOCKER_HUB : s;
  }

  /** Whether a file key carries a scheme (the legacy Docker form), so its path is ignored. */
  static boolean isLegacyKey(String key) {
    return key.contains("://");
  }
}
