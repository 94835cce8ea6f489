package dev.registryclient.api.config;

import dev.registryclient.api.ImageReference;

/** Checks on the {@code location} of a rule or mirror. */
final class Locations {
  private Locations() {}

  /** {@code value} without surrounding blanks and trailing {@code '/'}s. */
  static String trim(String value) {
    String s = value.strip();
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '/') {
      end--;
    }
    return s.substring(0, end);
  }

  /**
   * Requires {@code location} to start with a registry host: a first component that has a {@code
   * '.'} or {@code ':'} or is {@code localhost}. Otherwise a rewritten reference would silently
   * name a Docker Hub repository ({@code mirror/app} is {@code docker.io/mirror/app}), which
   * containers/image refuses too, though only when it pulls.
   *
   * @throws IllegalArgumentException naming the location and what is wrong with it
   */
  static void requireRegistryHost(String location, String what) {
    if (location.contains("://")) {
      throw new IllegalArgumentException(
          what + " " + location + " has a URL scheme; write host[:port][/namespace...]");
    }
    int slash = location.indexOf('/');
    String host = slash < 0 ? location : location.substring(0, slash);
    try {
      ImageReference.of(host, "x");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          what + " " + location + " does not start with a registry host: " + e.getMessage(), e);
    }
  }
}
