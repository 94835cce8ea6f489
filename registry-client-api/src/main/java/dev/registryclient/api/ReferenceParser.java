package dev.registryclient.api;

import static dev.registryclient.api.internal.Immutables.quote;

import java.util.Locale;
import java.util.Objects;

/**
 * Splits a reference into registry, repository, tag and digest and normalises it the way
 * distribution's {@code ParseNormalizedNamed} does; {@link ReferenceGrammar} checks each part.
 */
final class ReferenceParser {
  private static final String LEGACY_DOCKER_HUB = "index.docker.io";
  // longer than any valid reference (255 name + ':' + 128 tag + '@' + sha512 digest); stops early
  private static final int INPUT_MAX_LENGTH = 600;

  private ReferenceParser() {}

  /** See {@link ImageReference#parse(String)}. */
  static ImageReference parse(String value) {
    Objects.requireNonNull(value, "reference");
    if (value.isEmpty()) {
      throw invalid(value, "it is empty");
    }
    if (value.length() > INPUT_MAX_LENGTH) {
      throw invalid(value, "it is longer than any valid reference");
    }
    if (ReferenceGrammar.isImageId(value)) {
      throw invalid(value, "a 64-character hex string is an image ID, not a repository name");
    }
    String rest = value;
    Digest digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = parseDigest(value, rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      check(value, ReferenceGrammar.tagProblem(tag));
      rest = rest.substring(0, colon);
    }
    if (rest.isEmpty()) {
      throw invalid(value, "the repository name is missing");
    }
    String registry = ImageReference.DOCKER_HUB;
    String repository = rest;
    int slash = rest.indexOf('/');
    if (slash >= 0 && looksLikeRegistry(rest.substring(0, slash))) {
      registry = rest.substring(0, slash);
      repository = rest.substring(slash + 1);
    }
    return create(value, registry, repository, tag, digest);
  }

  /** See {@link ImageReference#of(String, String)}. */
  static ImageReference of(String registry, String repository) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(repository, "repository");
    String input = registry + "/" + repository;
    if (!looksLikeRegistry(registry)) {
      throw invalid(
          input, "registry " + quote(registry) + " would be read as a Docker Hub namespace");
    }
    return create(input, registry, repository, null, null);
  }

  private static ImageReference create(
      String input, String registry, String repository, String tag, Digest digest) {
    check(input, ReferenceGrammar.domainProblem(registry));
    if (registry.equals(LEGACY_DOCKER_HUB)) {
      registry = ImageReference.DOCKER_HUB;
    }
    check(input, ReferenceGrammar.pathProblem(repository));
    if (registry.equals(ImageReference.DOCKER_HUB) && repository.indexOf('/') < 0) {
      repository = ImageReference.OFFICIAL_PREFIX + repository;
    }
    if (registry.length() + 1 + repository.length() > ReferenceGrammar.NAME_MAX_LENGTH) {
      throw invalid(
          input,
          "registry/repository is longer than " + ReferenceGrammar.NAME_MAX_LENGTH + " characters");
    }
    return new ImageReference(registry, repository, tag, digest);
  }

  static boolean looksLikeRegistry(String component) {
    return component.indexOf('.') >= 0
        || component.indexOf(':') >= 0
        || component.equals("localhost")
        || !component.toLowerCase(Locale.ROOT).equals(component);
  }

  private static Digest parseDigest(String input, String digest) {
    try {
      return Digest.parse(digest);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid image reference " + quote(input) + ": " + e.getMessage(), e);
    }
  }

  static void check(String input, String problem) {
    if (problem != null) {
      throw invalid(input, problem);
    }
  }

  private static IllegalArgumentException invalid(String input, String problem) {
    return new IllegalArgumentException("invalid image reference " + quote(input) + ": " + problem);
  }
}
